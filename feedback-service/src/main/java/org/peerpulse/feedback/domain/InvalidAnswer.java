package org.peerpulse.feedback.domain;

/** One answer that does not fit the form, named by its field path ({@code ratings.KINDNESS}), never its value. */
public record InvalidAnswer(String field, String message) {
}
