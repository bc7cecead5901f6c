package org.peerpulse.feedback.web.form;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a participant page, among those the agency offers its form in: {@code ?lang=es} (a switch
 * link, or the form's hidden field) when it names one of them, else the first of them the browser's
 * {@code Accept-Language} asks for, else the agency's default. Which agency is known only once the controller
 * has found the link, so the controller {@link #choose chooses} and the choice is what the page is rendered in.
 * Stateless on purpose: no cookie or session remembers the choice, so the link and the form carry it.
 */
@Component("localeResolver")
class ParticipantLanguage extends AcceptHeaderLocaleResolver {

    /** The languages the pages have words for; an agency's form is offered in those of them it chose. */
    static final List<String> SPOKEN = List.of("en", "es");

    private static final String CHOSEN = ParticipantLanguage.class.getName() + ".chosen";

    ParticipantLanguage() {
        setSupportedLocales(SPOKEN.stream().map(Locale::forLanguageTag).toList());
        setDefaultLocale(Locale.ENGLISH);
    }

    /**
     * Chooses the page's language among {@code offered} (the first being the agency's default) and renders the
     * page in it.
     */
    String choose(HttpServletRequest request, List<String> offered) {
        String asked = request.getParameter("lang");
        String chosen = asked != null && offered.contains(asked) ? asked : fromHeader(request, offered);
        request.setAttribute(CHOSEN, Locale.forLanguageTag(chosen));
        return chosen;
    }

    private static String fromHeader(HttpServletRequest request, List<String> offered) {
        if (request.getHeader("Accept-Language") == null) {
            return offered.get(0);
        }
        // In the browser's order of preference (its q-values).
        return Collections.list(request.getLocales()).stream().map(Locale::getLanguage).filter(offered::contains)
                .findFirst().orElse(offered.get(0));
    }

    /** What the controller chose; before it did (or without a link), the same rule over every spoken language. */
    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(CHOSEN);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        String asked = request.getParameter("lang");
        if (asked != null && SPOKEN.contains(asked)) {
            return Locale.forLanguageTag(asked);
        }
        Locale fromHeader = super.resolveLocale(request);
        return SPOKEN.contains(fromHeader.getLanguage()) ? Locale.forLanguageTag(fromHeader.getLanguage())
                : Locale.ENGLISH;
    }
}
