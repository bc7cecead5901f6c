package org.peerpulse.session.persistence;

import java.util.List;

import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One agency's directory and settings, keyed by the agency: small (programs and staff, not sessions), changed
 * rarely, always as a whole version. Its outbox carries each version's snapshot to the agencies topic. The
 * programs, specialists and settings are stored in the shape of the snapshot they are published as.
 */
@Document("directories")
record DirectoryDocument(
        @Id String id,
        String agencyId,
        long version,
        List<AgencySettingsChanged.Program> programs,
        List<AgencySettingsChanged.Specialist> specialists,
        AgencySettingsChanged.Settings settings,
        List<OutboxEntry> outbox,
        boolean outboxPending) {

    static final String VERSION = "version";
    static final String PROGRAMS = "programs";
    static final String SPECIALISTS = "specialists";
    static final String SETTINGS = "settings";
}
