package org.peerpulse.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvitationTokenTest {

    @Test
    void tokensCarry256RandomBitsUrlSafe() {
        InvitationToken token = InvitationToken.issue();
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(InvitationToken.issue().value()).isNotEqualTo(token.value());
    }

    @Test
    void theHashIsTheSha256OfTheToken() {
        // SHA-256 of "abc", the FIPS 180-2 test vector.
        assertThat(InvitationToken.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        InvitationToken token = InvitationToken.issue();
        assertThat(token.hash()).isEqualTo(InvitationToken.hashOf(token.value()));
    }

    @Test
    void printingATokenShowsOnlyItsHash() {
        InvitationToken token = InvitationToken.issue();
        assertThat(token.toString()).doesNotContain(token.value()).contains(token.hash());
    }
}
