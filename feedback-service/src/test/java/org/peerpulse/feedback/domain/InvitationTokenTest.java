package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;

class InvitationTokenTest {

    @Test
    void acceptsWhatSessionServiceIssues() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String issued = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        assertThat(InvitationToken.of(issued).hash()).hasSize(64);
    }

    @Test
    void hashesAsTheContractSays() {
        assertThat(InvitationToken.of(Fixtures.TOKEN).hash()).isEqualTo(InvitationTokens.hashOf(Fixtures.TOKEN));
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
