package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;

class ArrivalWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final ArrivalWindow window = new ArrivalWindow(Duration.ofMinutes(10), Duration.ofMinutes(1));

    @Test
    void aTokenIssuedWithinTheWindowMayStillArrive() {
        assertThat(mayStillArrive(NOW)).isTrue();
        assertThat(mayStillArrive(NOW.minus(Duration.ofMinutes(10)))).isTrue();
        assertThat(mayStillArrive(NOW.plus(Duration.ofSeconds(59)))).isTrue();
    }

    @Test
    void anOlderOrFutureTokenCannot() {
        assertThat(mayStillArrive(NOW.minus(Duration.ofMinutes(10)).minusMillis(1))).isFalse();
        assertThat(mayStillArrive(NOW.plus(Duration.ofMinutes(1)).plusMillis(1))).isFalse();
        assertThat(mayStillArrive(Instant.EPOCH)).isFalse();
    }

    private boolean mayStillArrive(Instant issued) {
        return window.mayStillArrive(InvitationToken.of(InvitationTokens.issue(issued)), NOW);
    }
}
