package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A participant's harm report as the quality lead who follows its alert reads it: the alert it opened, the
 * program and time of the session, when it was reported and the participant's own words, if they wrote any.
 * Nothing that names the session, its token or its participant.
 *
 * @param text the participant's words, or {@code null} when they wrote nothing
 */
public record HarmReport(UUID alertId, String programId, Instant sessionAt, Instant reportedAt, String text) {

    public HarmReport {
        Objects.requireNonNull(alertId, "alertId is required");
        InvitedSession.requireText(programId, "programId");
        Objects.requireNonNull(sessionAt, "sessionAt is required");
        Objects.requireNonNull(reportedAt, "reportedAt is required");
        text = text == null || text.isBlank() ? null : text;
    }

    public Optional<String> words() {
        return Optional.ofNullable(text);
    }

    @Override
    public String toString() {
        // The participant's words stay out of any log line.
        return "HarmReport[alertId=" + alertId + ", programId=" + programId + ", written=" + (text != null) + "]";
    }
}
