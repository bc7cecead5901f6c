package org.peerpulse.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;

class InvitationTokenTest {

    @Test
    void tokensCarry256RandomBitsUrlSafe() {
        InvitationToken token = InvitationToken.issue();
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(InvitationToken.issue().value()).isNotEqualTo(token.value());
    }

    @Test
    void issuedTokensHaveTheContractShapeAndHash() {
        InvitationToken token = InvitationToken.issue();
        assertThat(token.value()).matches(InvitationTokens.FORMAT);
        assertThat(token.hash()).isEqualTo(InvitationTokens.hashOf(token.value()));
    }

    @Test
    void printingATokenShowsOnlyItsHash() {
        InvitationToken token = InvitationToken.issue();
        assertThat(token.toString()).doesNotContain(token.value()).contains(token.hash());
    }
}
