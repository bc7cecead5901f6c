package org.peerpulse.session.persistence;

import java.time.Instant;
import java.util.List;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** The stored shape of a session; stays in this package. */
@Document("sessions")
@CompoundIndex(name = "agency_program_day", def = "{'agencyId': 1, 'programId': 1, 'sessionAt': 1}")
record SessionDocument(
        @Id String id,
        String agencyId,
        String programId,
        String specialistId,
        String participantPseudonym,
        Instant sessionAt,
        int durationMinutes,
        String channel,
        String activity,
        List<String> focusAreas,
        List<String> strengthsNoted,
        List<String> valuesPracticed,
        String frameworkId,
        int frameworkVersion,
        String invitationTokenHash,
        Instant invitationExpiresAt,
        Instant loggedAt,
        String loggedBy,
        List<OutboxEntry> outbox,
        boolean outboxPending) {
}
