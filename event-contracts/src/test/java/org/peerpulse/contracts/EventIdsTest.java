package org.peerpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersionSevenWithTheRfcVariant() {
        UUID id = EventIds.newId();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsSortByTheMillisecondTheyWereMadeIn() {
        UUID earlier = EventIds.newId(Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
        UUID later = EventIds.newId(Clock.fixed(Instant.parse("2026-11-20T10:00:00.001Z"), ZoneOffset.UTC));
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli());
    }
}
