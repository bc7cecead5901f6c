package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvitationTokenTest {

    @Test
    void acceptsWhatSessionServiceIssues() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String issued = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        assertThat(InvitationToken.of(issued).hash()).hasSize(64);
    }

    @Test
    void hashesTheTokensCharactersWithSha256() {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        assertThat(InvitationToken.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void rejectsAnythingElseWithoutQuotingIt() {
        for (String notAToken : new String[] {null, "", "short", Fixtures.TOKEN + "A", Fixtures.TOKEN.replace('A', '+')}) {
            assertThatThrownBy(() -> InvitationToken.of(notAToken)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an invitation token");
        }
    }

    @Test
    void neverShowsItself() {
        assertThat(InvitationToken.of(Fixtures.TOKEN)).hasToString("InvitationToken[redacted]");
    }
}
