package org.peerpulse.feedback.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;

/**
 * A participant's answers, accepted only when they fit the form of the invitation: ratings only for the value
 * and principle items it asks, every rating and hope 1–5, short texts and a language the framework has words
 * for. Items left out are simply not answered; so may the do-no-harm question be, which is then no harm report.
 * What happened is kept only with a "yes": words next to a "no" or no answer would reach nobody (only a harm
 * report takes them to the quality lead), so they are refused and the participant is asked to choose.
 */
public final class Answers {

    public static final int MAX_TEXT_LENGTH = 1000;
    public static final String DEFAULT_LANGUAGE = "en";
    /** Why words about what happened are refused without a "yes" to the do-no-harm question. */
    public static final String HARM_TEXT_NEEDS_YES = "is kept only with a yes to the do-no-harm question";

    private final FrameworkRef framework;
    private final Map<String, Integer> ratings;
    private final Integer hope;
    private final boolean harmReported;
    private final String harmText;
    private final String comment;
    private final String language;
    private final FormMode mode;

    private Answers(FrameworkRef framework, Map<String, Integer> ratings, Integer hope, boolean harmReported,
            String harmText, String comment, String language, FormMode mode) {
        this.framework = framework;
        this.ratings = ratings;
        this.hope = hope;
        this.harmReported = harmReported;
        this.harmText = harmText;
        this.comment = comment;
        this.language = language;
        this.mode = mode;
    }

    /**
     * @param language {@code null} for {@value #DEFAULT_LANGUAGE}
     * @param mode {@code null} for {@link FormMode#OWN_DEVICE}
     * @throws InvalidAnswersException naming every answer that does not fit
     */
    public static Answers forFramework(QualityFramework framework, Map<String, Integer> ratings, Integer hope,
            HarmAnswer harm, String comment, String language, FormMode mode) {
        List<InvalidAnswer> invalid = new ArrayList<>();
        Map<String, Integer> given = ratings == null ? Map.of() : ratings;
        for (Map.Entry<String, Integer> rating : new TreeMap<>(given).entrySet()) {
            String field = "ratings." + rating.getKey();
            Optional<FrameworkItem> item = framework.item(rating.getKey());
            if (item.isEmpty() || !isRatedOnTheForm(item.get())) {
                invalid.add(new InvalidAnswer(field, "is not an item of this form"));
            } else if (!onScale(rating.getValue())) {
                invalid.add(new InvalidAnswer(field, "must be a whole number from 1 to 5"));
            }
        }
        if (hope != null && !onScale(hope)) {
            invalid.add(new InvalidAnswer("hope", "must be a whole number from 1 to 5"));
        }
        boolean harmReported = harm != null && Boolean.TRUE.equals(harm.reported());
        String harmText = blankToNull(harm == null ? null : harm.text());
        if (tooLong(harmText)) {
            invalid.add(new InvalidAnswer("harm.text", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        } else if (harmText != null && !harmReported) {
            invalid.add(new InvalidAnswer("harm.text", HARM_TEXT_NEEDS_YES));
        }
        String note = blankToNull(comment);
        if (tooLong(note)) {
            invalid.add(new InvalidAnswer("comment", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
        String lang = language == null ? DEFAULT_LANGUAGE : language;
        if (!framework.scale().containsKey(lang)) {
            invalid.add(new InvalidAnswer("language", "must be one of " + new TreeMap<>(framework.scale()).keySet()));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidAnswersException(invalid);
        }
        return new Answers(framework.ref(), new LinkedHashMap<>(new TreeMap<>(given)), hope, harmReported,
                harmText, note, lang, mode == null ? FormMode.OWN_DEVICE : mode);
    }

    /** Hope and harm have their own questions; only value and principle items go under ratings. */
    private static boolean isRatedOnTheForm(FrameworkItem item) {
        return item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE;
    }

    private static boolean onScale(Integer value) {
        return value != null && value >= 1 && value <= 5;
    }

    private static boolean tooLong(String text) {
        return text != null && text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public FrameworkRef framework() {
        return framework;
    }

    /** Item code to rating, in code order. */
    public Map<String, Integer> ratings() {
        return Collections.unmodifiableMap(ratings);
    }

    public Integer hope() {
        return hope;
    }

    /** {@code true} only for a "yes"; a "no" and a skipped question are no harm report. */
    public boolean harmReported() {
        return harmReported;
    }

    public Optional<String> harmText() {
        return Optional.ofNullable(harmText);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public String language() {
        return language;
    }

    public FormMode mode() {
        return mode;
    }

    @Override
    public String toString() {
        // The participant's words stay out of any log line.
        return "Answers[framework=" + framework + ", ratings=" + ratings.keySet() + "]";
    }
}
