package org.peerpulse.feedback.web.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.InvalidAnswer;

/**
 * What the form template shows: the framework's questions in the participant's language, any answers
 * already given (when the form comes back with an error or a "one moment"), and the errors, each tied to
 * the question it belongs to by id so that {@code aria-describedby} can point at it.
 */
public record ParticipantForm(String token, Page page, String framework, List<Question> rated, Question hope,
        Question harm, String harmText, String comment, String lowest, String highest, List<Problem> problems,
        boolean notYetKnown) {

    /** One question: its field name, wording, the answer given so far ("" for none) and its error key. */
    public record Question(String name, String text, String answer, String error) {

        public String id() {
            return "q-" + name;
        }

        public String errorId() {
            return "err-" + name;
        }
    }

    /** An error for the summary at the top: the message key and the element it links to. */
    public record Problem(String messageKey, String anchor) {
    }

    static ParticipantForm of(String token, Page page, QualityFramework framework, Map<String, String> given,
            List<InvalidAnswer> invalid, boolean notYetKnown) {
        String lang = page.lang();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (InvalidAnswer answer : invalid) {
            Problem problem = problemOf(answer, framework);
            problems.add(problem);
            errors.putIfAbsent(problem.anchor(), problem.messageKey());
        }
        List<Question> rated = new ArrayList<>();
        for (ItemKind kind : List.of(ItemKind.VALUE, ItemKind.PRINCIPLE)) {
            for (FrameworkItem item : framework.itemsOfKind(kind)) {
                rated.add(question(item.code(), item, lang, given, errors));
            }
        }
        Question hope = question("hope", framework.item(Frameworks.HOPE_CODE).orElseThrow(), lang, given, errors);
        Question harm = question("harm", framework.item(Frameworks.DO_NO_HARM_CODE).orElseThrow(), lang, given,
                errors);
        QualityFramework.ScaleLabels scale = framework.scale().getOrDefault(lang, framework.scale().get("en"));
        return new ParticipantForm(token, page, framework.id() + "@" + framework.version(), rated, hope, harm,
                given.getOrDefault("harmText", ""), given.getOrDefault("comment", ""), scale.lowest(),
                scale.highest(), List.copyOf(problems), notYetKnown);
    }

    public String errorOf(String anchor) {
        return problems.stream().filter(problem -> problem.anchor().equals(anchor)).map(Problem::messageKey)
                .findFirst().orElse(null);
    }

    private static Question question(String name, FrameworkItem item, String lang, Map<String, String> given,
            Map<String, String> errors) {
        String text = item.question().getOrDefault(lang, item.question().get("en"));
        return new Question(name, text, given.getOrDefault(name, ""), errors.get("q-" + name));
    }

    private static Problem problemOf(InvalidAnswer answer, QualityFramework framework) {
        String field = answer.field();
        if (field.equals("harm.text") && Answers.HARM_TEXT_NEEDS_YES.equals(answer.message())) {
            return new Problem("error.harmTextNeedsYes", "harmText");
        }
        if (field.startsWith("ratings.")) {
            String code = field.substring("ratings.".length());
            boolean onTheForm = framework.item(code).map(item -> item.kind() == ItemKind.VALUE
                    || item.kind() == ItemKind.PRINCIPLE).orElse(false);
            return onTheForm ? new Problem("error.rating", "q-" + code) : new Problem("error.generic", "answers");
        }
        return switch (field) {
            case "hope" -> new Problem("error.rating", "q-hope");
            case "harm", "harm.reported" -> new Problem("error.harm", "q-harm");
            case "harm.text" -> new Problem("error.tooLong", "harmText");
            case "comment" -> new Problem("error.tooLong", "comment");
            default -> new Problem("error.generic", "answers");
        };
    }

    /**
     * What every participant page knows: its language, the links to the agency's other form languages, the
     * agency's crisis line in the page's language, and whether it is shown on an agency's tablet (kiosk mode).
     *
     * @param languages the languages the agency offers its form in, the page's among them
     */
    public record Page(String lang, boolean kiosk, List<String> languages, String crisisLine) {

        /** Each language's name in itself, as a speaker looks for it. */
        private static final Map<String, String> NAMES = Map.of("en", "English", "es", "Español");

        public Page {
            languages = List.copyOf(languages);
        }

        public String mode() {
            return kiosk ? FormAnswers.KIOSK : "";
        }

        /** The page in each of the agency's other form languages; none when it offers only one. */
        public List<LanguageLink> switches() {
            return languages.stream().filter(language -> !language.equals(lang))
                    .map(language -> new LanguageLink(language, NAMES.getOrDefault(language, language),
                            href(language)))
                    .toList();
        }

        /** This page again, in its own language: "try again" on the one-moment page. */
        public String selfHref() {
            return href(lang);
        }

        /** Relative to the page itself, so it keeps the token without writing it anywhere else. */
        private String href(String language) {
            return "?lang=" + language + (kiosk ? "&mode=" + FormAnswers.KIOSK : "");
        }
    }

    /** A link to the same page in another language, named in that language. */
    public record LanguageLink(String lang, String name, String href) {
    }
}
