package org.peerpulse.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;

class IdempotencyKeysTest {

    private static final Instant ISSUED = Instant.parse("2026-11-20T15:00:00.123Z");

    private final IdempotencyKeys keys =
            new IdempotencyKeys("a-deployment-invitation-key-of-length".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameKeyGivesTheSameTokenEveryTimeInTheContractShape() {
        InvitationToken token = keys.tokenFor("harbor", "retry-1", ISSUED);

        assertThat(token).isEqualTo(keys.tokenFor("harbor", "retry-1", ISSUED));
        assertThat(token.value()).matches(InvitationTokens.FORMAT);
        assertThat(token.hash()).isEqualTo(InvitationTokens.hashOf(token.value()));
        assertThat(InvitationTokens.issuedAt(token.value())).contains(ISSUED);
    }

    @Test
    void agenciesKeysAndDeploymentsGiveUnrelatedTokensAndHashes() {
        IdempotencyKeys otherDeployment =
                new IdempotencyKeys("another-deployment-invitation-key-xx".getBytes(StandardCharsets.UTF_8));
        String token = keys.tokenFor("harbor", "retry-1", ISSUED).value();

        assertThat(keys.tokenFor("sunrise", "retry-1", ISSUED).value()).isNotEqualTo(token);
        assertThat(keys.tokenFor("harbor", "retry-2", ISSUED).value()).isNotEqualTo(token);
        assertThat(otherDeployment.tokenFor("harbor", "retry-1", ISSUED).value()).isNotEqualTo(token);
        assertThat(keys.hashOf("harbor", "retry-1")).matches("[0-9a-f]{64}")
                .isEqualTo(keys.hashOf("harbor", "retry-1"))
                .isNotEqualTo(keys.hashOf("sunrise", "retry-1"))
                .isNotEqualTo(otherDeployment.hashOf("harbor", "retry-1"))
                .doesNotContain(token.substring(8));
    }

    @Test
    void theAgencyAndKeyCannotBeShiftedIntoEachOther() {
        assertThat(keys.hashOf("harbor", "x-retry")).isNotEqualTo(keys.hashOf("harbor-x", "retry"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new IdempotencyKeys("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
