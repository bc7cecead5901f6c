package org.peerpulse.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A participant answered the form for a session. Carries the session's dimensions so that metrics never
 * has to join streams, and never the participant, the token, the comment or the harm follow-up text.
 *
 * @param ratings item code to a rating 1–5; items the participant preferred not to answer are absent
 * @param hope 1–5, or {@code null} when not answered
 * @param harmReported the answer to the do-no-harm question; {@code true} is a harm report
 * @param language the form language the participant used, such as {@code en} or {@code es}
 * @param mode how the form was collected: {@code OWN_DEVICE} or {@code KIOSK}
 */
public record FeedbackSubmitted(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        FrameworkRef framework,
        Map<String, Integer> ratings,
        Integer hope,
        boolean harmReported,
        String language,
        String mode) implements PeerPulseEvent {

    public FeedbackSubmitted {
        PeerPulseEvent.requireIdentity(eventId, occurredAt, agencyId);
        ratings = Map.copyOf(ratings == null ? Map.of() : ratings);
    }
}
