package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant's comment and when it was given: the instant places it in a release period, and nothing
 * else about it ever leaves with the text.
 */
public record GivenComment(Instant givenAt, String text) {

    public GivenComment {
        Objects.requireNonNull(givenAt, "givenAt is required");
        Objects.requireNonNull(text, "text is required");
    }

    @Override
    public String toString() {
        return "GivenComment[givenAt=" + givenAt + "]";
    }
}
