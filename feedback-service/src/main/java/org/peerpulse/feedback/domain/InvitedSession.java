package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The session an invitation asks about: the dimensions every {@code FeedbackSubmitted} carries so that
 * metrics-service can count it without joining streams. No participant: feedback is anonymous.
 *
 * @param valuesPracticed the value codes the specialist said they practiced in the session, their own
 *     reflection; empty when they named none, or for an invitation learned before it was kept
 */
public record InvitedSession(String agencyId, String sessionId, String programId, String specialistId,
        Instant sessionAt, List<String> valuesPracticed) {

    public InvitedSession {
        requireText(agencyId, "agencyId");
        requireText(sessionId, "sessionId");
        requireText(programId, "programId");
        requireText(specialistId, "specialistId");
        Objects.requireNonNull(sessionAt, "sessionAt is required");
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
    }

    /** A session whose values practiced are not known here (a reissue's fresh link, which takes them from the link it replaces). */
    public InvitedSession(String agencyId, String sessionId, String programId, String specialistId,
            Instant sessionAt) {
        this(agencyId, sessionId, programId, specialistId, sessionAt, List.of());
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
