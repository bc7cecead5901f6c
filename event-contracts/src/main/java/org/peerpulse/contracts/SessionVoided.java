package org.peerpulse.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A logged session was withdrawn: it and any feedback given for it leave every indicator, and its
 * invitation stops working. The free-text reason stays in session-service.
 */
public record SessionVoided(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt) implements PeerPulseEvent {
}
