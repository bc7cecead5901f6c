package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The session an invitation asks about: the dimensions every {@code FeedbackSubmitted} carries so that
 * metrics-service can count it without joining streams. No participant: feedback is anonymous.
 */
public record InvitedSession(String agencyId, String sessionId, String programId, String specialistId,
        Instant sessionAt) {

    public InvitedSession {
        requireText(agencyId, "agencyId");
        requireText(sessionId, "sessionId");
        requireText(programId, "programId");
        requireText(specialistId, "specialistId");
        Objects.requireNonNull(sessionAt, "sessionAt is required");
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
