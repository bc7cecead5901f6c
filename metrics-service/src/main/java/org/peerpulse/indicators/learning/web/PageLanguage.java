package org.peerpulse.indicators.learning.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page: {@code ?lang=es} (the switch link) when it names one the pages speak, else the
 * browser's {@code Accept-Language}, else English, as on the participant form. Stateless: the switch link
 * carries the choice. Only the learning page has Spanish words so far; the dashboard's few translatable
 * words (the item names) have no Spanish yet, so a lead's dashboard stays all English whatever the browser.
 */
@Component("localeResolver")
class PageLanguage extends AcceptHeaderLocaleResolver {

    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    PageLanguage() {
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
