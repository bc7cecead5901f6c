package org.peerpulse.session.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Switches the pages' language only to one they are written in: {@code ?lang=en} or {@code ?lang=es}. */
final class SupportedLanguages implements HandlerInterceptor {

    private final LocaleChangeInterceptor change;

    SupportedLanguages(LocaleChangeInterceptor change) {
        this.change = change;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String asked = request.getParameter(change.getParamName());
        if ("en".equals(asked) || "es".equals(asked)) {
            return change.preHandle(request, response, handler);
        }
        return true;
    }
}
