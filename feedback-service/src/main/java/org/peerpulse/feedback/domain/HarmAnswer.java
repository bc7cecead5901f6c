package org.peerpulse.feedback.domain;

/**
 * The answer to the do-no-harm question. {@code reported} is a harm report; the optional text is the
 * participant's own words, which stay in this service and never travel in an event.
 */
public record HarmAnswer(Boolean reported, String text) {
}
