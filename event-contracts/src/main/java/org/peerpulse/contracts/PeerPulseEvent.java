package org.peerpulse.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What every contract event carries: its own identity, when it happened and whose it is. */
public sealed interface PeerPulseEvent permits SessionLogged, SessionVoided,
        InvitationsReissued, FeedbackSubmitted, FeedbackWithdrawn, AgencySettingsChanged {

    /** Time-ordered (version 7) UUID; consumers keep facts keyed by it. */
    UUID eventId();

    Instant occurredAt();

    /** The tenant, and the Kafka record key. */
    String agencyId();

    /**
     * What no event may lack: its id, its time and its agency. Every contract record checks them when it is made,
     * so a record read off a topic without them is unreadable (a dead letter), while a field added to a type
     * later may be missing from older records and is then read as absent.
     */
    static void requireIdentity(UUID eventId, Instant occurredAt, String agencyId) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agencyId, "agencyId");
    }
}
