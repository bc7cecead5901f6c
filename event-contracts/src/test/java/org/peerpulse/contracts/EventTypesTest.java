package org.peerpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyContractEventHasOneCloudEventsTypeAndBack() {
        for (PeerPulseEvent event : GoldenSamples.all()) {
            String type = EventTypes.typeOf(event);
            assertThat(type).startsWith("org.peerpulse.").matches(".*\\.v[0-9]+");
            assertThat(EventTypes.recordFor(type)).contains(event.getClass());
        }
    }

    @Test
    void unknownTypesAreNotGuessed() {
        assertThat(EventTypes.recordFor("org.peerpulse.session.logged.v3")).isEmpty();
        // Version 1 carried the participant's pseudonym and the strength tags: no longer read.
        assertThat(EventTypes.recordFor("org.peerpulse.session.logged.v1")).isEmpty();
        assertThat(EventTypes.recordFor(null)).isEmpty();
    }

    @Test
    void everyGoldenSampleIsOnTheClasspathAndNamesItsEvent() {
        for (PeerPulseEvent event : GoldenSamples.all()) {
            assertThat(GoldenSamples.json(event.getClass()))
                    .contains(event.eventId().toString())
                    .doesNotContain("org.peerpulse.contracts");
        }
    }
}
