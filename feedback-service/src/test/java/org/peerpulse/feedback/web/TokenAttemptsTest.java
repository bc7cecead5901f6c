package org.peerpulse.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.feedback.domain.InvitationToken;

class TokenAttemptsTest {

    private final TokenAttempts attempts = new TokenAttempts(new TokenAttemptLimit(2));

    @Test
    void eachAddressHasItsOwnBucketOfDifferentTokens() {
        attempts.admit("10.0.0.1", token());
        attempts.admit("10.0.0.1", token());

        assertThatThrownBy(() -> attempts.admit("10.0.0.1", token()))
                .isInstanceOfSatisfying(TokenAttempts.TooManyTokenAttemptsException.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L));
        attempts.admit("10.0.0.2", token());
    }

    @Test
    void retryingATokenIsFreeAndARedeemedOneGivesItsAttemptBack() {
        InvitationToken retried = token();
        attempts.admit("10.0.0.1", retried);
        attempts.admit("10.0.0.1", retried);
        attempts.admit("10.0.0.1", retried);
        attempts.redeemed("10.0.0.1");

        attempts.admit("10.0.0.1", token());
        attempts.admit("10.0.0.1", token());
        assertThatThrownBy(() -> attempts.admit("10.0.0.1", token()))
                .isInstanceOf(TokenAttempts.TooManyTokenAttemptsException.class);
    }

    private static InvitationToken token() {
        return InvitationToken.of(InvitationTokens.issue(Instant.now()));
    }
}
