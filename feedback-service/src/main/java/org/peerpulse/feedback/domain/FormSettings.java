package org.peerpulse.feedback.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerpulse.contracts.AgencySettingsChanged;

/**
 * What an agency decided about its participant form: the languages it is offered in, the first being the
 * default, and, by language, the crisis line every participant page shows. A crisis line is never missing: a
 * language the agency wrote none for shows the one in its default language, and an agency that wrote none at
 * all shows the suite's defaults, so a participant in distress always sees where to turn.
 *
 * <p>It also says how many value items each form asks ({@link ValueRotation}); a form's items are fixed when its
 * invitation is learned, so a change only reaches invitations learned after it.
 *
 * @param languages lower-case language codes, in the agency's order; never empty
 * @param crisisLines by lower-case language code, the agency's own texts
 * @param valueItemsPerForm how many value items each form asks; {@code null}: every one
 */
public record FormSettings(List<String> languages, Map<String, String> crisisLines, Integer valueItemsPerForm) {

    /** What an agency that never set anything has, and what a page for a link of no known agency shows. */
    public static final FormSettings DEFAULTS = of(AgencySettingsChanged.Settings.DEFAULTS);

    public FormSettings {
        languages = languages.stream().map(FormSettings::code).filter(code -> !code.isEmpty()).distinct().toList();
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a form is offered in at least one language");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        crisisLines.forEach((language, text) -> {
            if (text != null && !text.isBlank() && !code(language).isEmpty()) {
                texts.putIfAbsent(code(language), text.strip());
            }
        });
        crisisLines = Map.copyOf(texts);
    }

    /** Settings whose forms ask every value item. */
    public FormSettings(List<String> languages, Map<String, String> crisisLines) {
        this(languages, crisisLines, null);
    }

    /** The form's part of an agency's settings; no languages chosen means the defaults' languages. */
    public static FormSettings of(AgencySettingsChanged.Settings settings) {
        List<String> chosen = settings.formLanguages().isEmpty()
                ? AgencySettingsChanged.Settings.DEFAULTS.formLanguages() : settings.formLanguages();
        return new FormSettings(chosen, settings.crisisLine(), settings.valueItemsPerForm());
    }

    /**
     * The agency's languages that a page can be shown in, in the agency's order, so the first is the default;
     * when it chose none of them, the first of {@code spoken}.
     *
     * @param spoken the languages the pages have words for
     */
    public List<String> offeredAmong(List<String> spoken) {
        List<String> offered = new ArrayList<>(languages);
        offered.retainAll(spoken.stream().map(FormSettings::code).toList());
        return offered.isEmpty() ? List.of(code(spoken.get(0))) : List.copyOf(offered);
    }

    /**
     * The crisis line for a page in {@code language}: the agency's own text in it, else in its default
     * language, else the defaults' text in it, else the defaults' text in their default language.
     */
    public String crisisLine(String language) {
        String asked = code(language);
        String own = crisisLines.getOrDefault(asked, crisisLines.get(languages.get(0)));
        if (own != null) {
            return own;
        }
        Map<String, String> defaults = DEFAULTS.crisisLines;
        return defaults.getOrDefault(asked, defaults.get(DEFAULTS.languages.get(0)));
    }

    /** {@code es-MX} and {@code ES} are both Spanish to a form that speaks {@code es}. */
    private static String code(String language) {
        return Locale.forLanguageTag(language.strip()).getLanguage();
    }
}
