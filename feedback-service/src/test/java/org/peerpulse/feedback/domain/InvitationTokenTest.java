package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;

class InvitationTokenTest {

    @Test
    void acceptsWhatSessionServiceIssues() {
        String issued = InvitationTokens.issue(Instant.now());

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
