package org.peerpulse.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A logged session was withdrawn: it leaves every indicator, and its invitation stops working. It carries
 * what the session contributed, so a consumer subtracts it without looking up what it counted; the
 * feedback given for it is withdrawn by feedback-service, one {@link FeedbackWithdrawn} per counted answer.
 * The free-text reason stays in session-service.
 *
 * <p>Version 2 of the type ({@link EventTypes#SESSION_VOIDED}): version 1 carried no contribution and
 * could not be counted without a lookup.
 */
public record SessionVoided(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        SessionContribution contributed) implements PeerPulseEvent {

    public SessionVoided {
        PeerPulseEvent.requireIdentity(eventId, occurredAt, agencyId);
    }
}
