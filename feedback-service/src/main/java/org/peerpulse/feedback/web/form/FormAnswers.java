package org.peerpulse.feedback.web.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peerpulse.feedback.application.SubmitFeedback;
import org.peerpulse.feedback.domain.FormMode;
import org.peerpulse.feedback.domain.HarmAnswer;
import org.peerpulse.feedback.domain.InvalidAnswer;
import org.peerpulse.feedback.domain.InvitationToken;
import org.springframework.util.MultiValueMap;

/**
 * The posted form fields, read into what {@code SubmitFeedback} takes. An item's field is named by its
 * code ({@code KINDNESS=4}); {@code skip} or nothing means "prefer not to answer", for the do-no-harm
 * question too ({@code harm=yes|no|skip}). Only the shape is
 * checked here (a rating is a number, harm is yes or no); whether it fits the form is the domain's call.
 *
 * @param raw every field as posted, to fill the form in again when it has to be shown once more
 */
record FormAnswers(Map<String, Integer> ratings, Integer hope, Boolean harm, String harmText, String comment,
        boolean kiosk, String framework, Map<String, String> raw, List<InvalidAnswer> problems) {

    static final String SKIP = "skip";
    static final String KIOSK = "kiosk";
    private static final Pattern ITEM_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final Pattern NUMBER = Pattern.compile("^[0-9]{1,2}$");

    static FormAnswers from(MultiValueMap<String, String> fields) {
        Map<String, String> raw = new LinkedHashMap<>();
        fields.forEach((name, values) -> raw.put(name, values.isEmpty() || values.get(0) == null ? "" : values.get(0)));
        List<InvalidAnswer> problems = new ArrayList<>();
        Map<String, Integer> ratings = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (ITEM_CODE.matcher(name).matches()) {
                number(value, "ratings." + name, problems).ifPresent(rating -> ratings.put(name, rating));
            }
        });
        Integer hope = number(raw.getOrDefault("hope", ""), "hope", problems).orElse(null);
        String harmValue = raw.getOrDefault("harm", "");
        Boolean harm = switch (harmValue) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            case "", SKIP -> null;
            default -> {
                problems.add(new InvalidAnswer("harm.reported", "must be yes or no"));
                yield null;
            }
        };
        return new FormAnswers(ratings, hope, harm, raw.get("harmText"), raw.get("comment"),
                KIOSK.equals(raw.get("mode")), raw.get("framework"), raw, problems);
    }

    private static Optional<Integer> number(String value, String field, List<InvalidAnswer> problems) {
        if (value.isEmpty() || value.equals(SKIP)) {
            return Optional.empty();
        }
        if (!NUMBER.matcher(value).matches()) {
            problems.add(new InvalidAnswer(field, "must be a whole number from 1 to 5"));
            return Optional.empty();
        }
        return Optional.of(Integer.valueOf(value));
    }

    SubmitFeedback.Command toCommand(InvitationToken token, String language) {
        return new SubmitFeedback.Command(token, ratings, hope, new HarmAnswer(harm, harmText), comment, language,
                kiosk ? FormMode.KIOSK : FormMode.OWN_DEVICE);
    }

    @Override
    public String toString() {
        return "FormAnswers[redacted]";
    }
}
