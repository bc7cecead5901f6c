package org.peerpulse.feedback.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;

/** A hand-written stand-in for the invitations collection, with the same conditional redeem. */
class InMemoryInvitations implements Invitations {

    final Map<String, Invitation> byHash = new HashMap<>();
    final List<FeedbackSubmitted> published = new ArrayList<>();
    /** Runs just before a redeem, to let a test change the invitation behind the use case's back. */
    Runnable beforeRedeem = () -> { };

    @Override
    public void addIfAbsent(Invitation invitation) {
        byHash.putIfAbsent(invitation.tokenHash(), invitation);
    }

    @Override
    public Optional<Invitation> withTokenHash(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public void voidForSession(String agencyId, String sessionId) {
        byHash.replaceAll((hash, invitation) -> invitation.session().agencyId().equals(agencyId)
                && invitation.session().sessionId().equals(sessionId)
                ? new Invitation(hash, invitation.session(), invitation.framework(), invitation.expiresAt(), true,
                        invitation.redeemedAt())
                : invitation);
    }

    @Override
    public List<String> commentsOn(String agencyId, String programId, Instant from, Instant until) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public boolean redeemIfOpen(String tokenHash, Answers answers, FeedbackSubmitted submitted, Instant now) {
        beforeRedeem.run();
        Invitation invitation = byHash.get(tokenHash);
        if (invitation == null || invitation.unavailableAt(now).isPresent()) {
            return false;
        }
        byHash.put(tokenHash, new Invitation(tokenHash, invitation.session(), invitation.framework(),
                invitation.expiresAt(), false, now));
        published.add(submitted);
        return true;
    }
}
