package org.peerpulse.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;

class InvitationTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @Test
    void issuedTokensHaveTheContractShapeAndHash() {
        InvitationToken token = InvitationToken.issue(NOW);
        assertThat(token.value()).matches(InvitationTokens.FORMAT);
        assertThat(token.hash()).isEqualTo(InvitationTokens.hashOf(token.value()));
        assertThat(InvitationTokens.issuedAt(token.value())).contains(NOW);
        assertThat(InvitationToken.issue(NOW).value()).isNotEqualTo(token.value());
    }

    @Test
    void printingATokenShowsOnlyItsHash() {
        InvitationToken token = InvitationToken.issue(NOW);
        assertThat(token.toString()).doesNotContain(token.value()).contains(token.hash());
    }
}
