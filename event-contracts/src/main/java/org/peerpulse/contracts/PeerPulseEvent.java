package org.peerpulse.contracts;

import java.time.Instant;
import java.util.UUID;

/** What every contract event carries: its own identity, when it happened and whose it is. */
public sealed interface PeerPulseEvent permits SessionLogged, SessionVoided,
        InvitationsReissued, FeedbackSubmitted, FeedbackWithdrawn, AgencySettingsChanged {

    /** Time-ordered (version 7) UUID; consumers keep facts keyed by it. */
    UUID eventId();

    Instant occurredAt();

    /** The tenant, and the Kafka record key. */
    String agencyId();
}
