package org.peerpulse.feedback.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The answers do not fit the invitation's form; nothing is stored. */
public class InvalidAnswersException extends RuntimeException {

    private final List<InvalidAnswer> answers;

    public InvalidAnswersException(List<InvalidAnswer> answers) {
        super("invalid answers: " + answers.stream().map(InvalidAnswer::field).collect(Collectors.joining(", ")));
        this.answers = List.copyOf(answers);
    }

    public List<InvalidAnswer> answers() {
        return answers;
    }
}
