package org.peerpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvitationTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-11-26T16:36:14.244Z");

    @Test
    void aTokenIsItsIssueTimeAnd256RandomBitsUrlSafe() {
        String token = InvitationTokens.issue(ISSUED);

        assertThat(token).matches(InvitationTokens.FORMAT).hasSize(51);
        assertThat(Base64.getUrlDecoder().decode(token.substring(8))).hasSize(32);
        assertThat(InvitationTokens.issue(ISSUED)).isNotEqualTo(token);
    }

    @Test
    void theIssueTimeReadsBackToTheMillisecond() {
        assertThat(InvitationTokens.issuedAt(InvitationTokens.issue(ISSUED))).contains(ISSUED);
    }

    @Test
    void somethingThatIsNotATokenHasNoIssueTime() {
        String token = InvitationTokens.issue(ISSUED);
        assertThat(InvitationTokens.issuedAt(token.substring(1))).isEmpty();
        assertThat(InvitationTokens.issuedAt(token.replace(token.charAt(20), '+'))).isEmpty();
        assertThat(InvitationTokens.issuedAt(null)).isEmpty();
    }

    @Test
    void aTokenMadeFromGivenBytesHasTheSameShapeAndIsReproducible() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 7);
        }
        String token = InvitationTokens.of(ISSUED, secret);

        assertThat(token).matches(InvitationTokens.FORMAT).isEqualTo(InvitationTokens.of(ISSUED, secret.clone()));
        assertThat(Base64.getUrlDecoder().decode(token.substring(8))).isEqualTo(secret);
        assertThat(InvitationTokens.issuedAt(token)).contains(ISSUED);
        assertThat(InvitationTokens.of(ISSUED.plusMillis(1), secret)).isNotEqualTo(token);
        assertThatThrownBy(() -> InvitationTokens.of(ISSUED, new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvitationTokens.of(ISSUED, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHashIsTheLowerCaseHexSha256OfTheToken() {
        // SHA-256 of "abc", the FIPS 180-2 test vector.
        assertThat(InvitationTokens.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
