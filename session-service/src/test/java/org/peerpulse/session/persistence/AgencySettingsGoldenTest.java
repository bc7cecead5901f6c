package org.peerpulse.session.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.session.domain.Directory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Producer side of the agencies contract: the golden agency's directory, given the golden settings by its lead,
 * is written into its outbox entry as exactly the golden snapshot, keyed by the agency, for the agencies topic.
 */
class AgencySettingsGoldenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theGoldenSettingsChangeIsPublishedAsTheGoldenSnapshot() {
        AgencySettingsChanged golden = GoldenSamples.AGENCY_SETTINGS_CHANGED;
        Directory before = new Directory("harbor", golden.version() - 1, golden.programs(), golden.specialists(),
                AgencySettingsChanged.Settings.DEFAULTS);

        Directory.Changed changed = before.changeSettings(golden.settings(), false, golden.occurredAt(),
                golden.eventId());
        OutboxEntry entry = new Outbox(new EventCodec()).entries(Topics.AGENCIES, changed.event()).get(0);

        assertThat(changed.event()).isEqualTo(golden);
        assertThat(JSON.readTree(entry.payload()))
                .isEqualTo(JSON.readTree(GoldenSamples.json(AgencySettingsChanged.class)));
        assertThat(entry.type()).isEqualTo(EventTypes.AGENCY_SETTINGS_CHANGED);
        assertThat(entry.topic()).isEqualTo(Topics.AGENCIES);
        assertThat(entry.key()).isEqualTo("harbor");
    }
}
