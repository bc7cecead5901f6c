package org.peerpulse.feedback.web.form;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page: {@code ?lang=es} (the switch link, or the form's hidden field) when it names
 * one the form speaks, else the browser's {@code Accept-Language}, else English. Stateless on purpose: no
 * cookie or session remembers the choice, so the link and the form carry it.
 */
@Component("localeResolver")
class ParticipantLanguage extends AcceptHeaderLocaleResolver {

    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    ParticipantLanguage() {
        setSupportedLocales(SPOKEN);
        setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            for (Locale spoken : SPOKEN) {
                if (spoken.getLanguage().equals(asked)) {
                    return spoken;
                }
            }
        }
        Locale fromHeader = super.resolveLocale(request);
        return SPOKEN.stream().filter(spoken -> spoken.getLanguage().equals(fromHeader.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }
}
