package org.peerpulse.feedback.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.CountedAnswer;
import org.peerpulse.feedback.domain.GivenComment;
import org.peerpulse.feedback.domain.HarmReport;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;

/**
 * A hand-written stand-in for the invitations collection, with the same conditional writes: a redeem only
 * while open, a void only while the invitation is as it was read, a replacement only while it is unanswered,
 * and every queued event in publishing order.
 */
class InMemoryInvitations implements Invitations {

    final Map<String, Invitation> byHash = new LinkedHashMap<>();
    final List<PeerPulseEvent> published = new ArrayList<>();
    /** How many batches of new invitations were added, each in one write. */
    int inserts;
    /** Runs just before a redeem, to let a test change the invitation behind the use case's back. */
    Runnable beforeRedeem = () -> { };
    /** Runs just before a void is stored, to let a test change the invitation behind the use case's back. */
    Runnable beforeMarkVoided = () -> { };
    /** Runs just before a replacement is stored, to let a test change the invitation behind the use case's back. */
    Runnable beforeMarkReplaced = () -> { };
    /** Fails the next insert once, as a crash between a replacement's two writes would leave it. */
    boolean failNextInsert;

    @Override
    public void addAllIfAbsent(List<Invitation> invitations) {
        if (failNextInsert) {
            failNextInsert = false;
            throw new IllegalStateException("the store went away");
        }
        inserts++;
        invitations.forEach(invitation -> byHash.putIfAbsent(invitation.tokenHash(), invitation));
    }

    @Override
    public Set<String> knownAmong(Collection<String> tokenHashes) {
        return tokenHashes.stream().filter(byHash::containsKey).collect(Collectors.toSet());
    }

    @Override
    public Optional<Invitation> withTokenHash(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public List<Invitation> ofSession(String agencyId, String sessionId) {
        return byHash.values().stream().filter(invitation -> invitation.session().agencyId().equals(agencyId)
                && invitation.session().sessionId().equals(sessionId)).toList();
    }

    @Override
    public Optional<Invitation> inSession(String agencyId, String sessionId, String tokenHash) {
        return withTokenHash(tokenHash).filter(invitation -> invitation.session().agencyId().equals(agencyId)
                && invitation.session().sessionId().equals(sessionId));
    }

    @Override
    public boolean markReplaced(Invitation replaced) {
        Runnable before = beforeMarkReplaced;
        beforeMarkReplaced = () -> { };
        before.run();
        Invitation current = byHash.get(replaced.tokenHash());
        if (current == null || current.voided() || current.redeemedAt() != null || current.retired() != null) {
            return false;
        }
        byHash.put(replaced.tokenHash(), replaced);
        return true;
    }

    @Override
    public boolean markVoided(Invitation.Voided voided) {
        Runnable before = beforeMarkVoided;
        beforeMarkVoided = () -> { };
        before.run();
        Invitation decided = voided.invitation();
        Invitation current = byHash.get(decided.tokenHash());
        if (current == null || current.voided() || !Objects.equals(current.redeemedAt(), decided.redeemedAt())) {
            return false;
        }
        byHash.put(decided.tokenHash(), decided);
        voided.withdrawal().ifPresent(published::add);
        return true;
    }

    @Override
    public Optional<HarmReport> harmReport(String agencyId, UUID alertId) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public List<GivenComment> commentsGiven(String agencyId, String programId, Instant from, Instant until) {
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
                invitation.expiresAt(), false, now, CountedAnswer.of(submitted), null, null, invitation.itemsAsked()));
        published.add(submitted);
        return true;
    }

    /** Voids an invitation as a concurrent void would have. */
    void voidNow(String tokenHash) {
        Invitation invitation = byHash.get(tokenHash);
        byHash.put(tokenHash, new Invitation(tokenHash, invitation.session(), invitation.framework(),
                invitation.expiresAt(), true, invitation.redeemedAt(), invitation.counted(), invitation.retired(),
                invitation.replacedBy(), invitation.itemsAsked()));
    }
}
