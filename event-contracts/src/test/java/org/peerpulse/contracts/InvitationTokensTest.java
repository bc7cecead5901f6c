package org.peerpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvitationTokensTest {

    @Test
    void theHashIsTheLowerCaseHexSha256OfTheToken() {
        // SHA-256 of "abc", the FIPS 180-2 test vector.
        assertThat(InvitationTokens.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tokensAreFortyThreeUrlSafeCharacters() {
        assertThat("qDWDFWtMJLJNf2-Cigj3-MCqRDtE-Xl2-xL7uSz_t0Y").matches(InvitationTokens.FORMAT);
        assertThat("qDWDFWtMJLJNf2-Cigj3-MCqRDtE-Xl2-xL7uSz_t0").doesNotMatch(InvitationTokens.FORMAT);
        assertThat("qDWDFWtMJLJNf2+Cigj3/MCqRDtE-Xl2-xL7uSz_t0Y").doesNotMatch(InvitationTokens.FORMAT);
    }
}
