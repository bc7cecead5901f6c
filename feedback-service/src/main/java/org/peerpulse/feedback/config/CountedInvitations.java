package org.peerpulse.feedback.config;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.FormMode;
import org.peerpulse.feedback.domain.GivenComment;
import org.peerpulse.feedback.domain.HarmReport;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;

/**
 * The invitations, counting feedback when the store's conditional redeem won: a refused submission (used,
 * voided, expired, unknown, bad answers) never gets that far or loses that write, so it counts nothing,
 * and the use cases stay free of Micrometer.
 */
final class CountedInvitations implements Invitations {

    private final Invitations invitations;
    private final FeedbackMeters meters;

    CountedInvitations(Invitations invitations, FeedbackMeters meters) {
        this.invitations = invitations;
        this.meters = meters;
    }

    @Override
    public void addAllIfAbsent(List<Invitation> learned) {
        invitations.addAllIfAbsent(learned);
    }

    @Override
    public Set<String> knownAmong(Collection<String> tokenHashes) {
        return invitations.knownAmong(tokenHashes);
    }

    @Override
    public Optional<Invitation> withTokenHash(String tokenHash) {
        return invitations.withTokenHash(tokenHash);
    }

    @Override
    public List<Invitation> ofSession(String agencyId, String sessionId) {
        return invitations.ofSession(agencyId, sessionId);
    }

    @Override
    public Optional<Invitation> inSession(String agencyId, String sessionId, String tokenHash) {
        return invitations.inSession(agencyId, sessionId, tokenHash);
    }

    @Override
    public boolean markReplaced(Invitation replaced) {
        return invitations.markReplaced(replaced);
    }

    @Override
    public boolean markVoided(Invitation.Voided voided) {
        return invitations.markVoided(voided);
    }

    @Override
    public boolean redeemIfOpen(String tokenHash, Answers answers, FeedbackSubmitted submitted, Instant now) {
        boolean redeemed = invitations.redeemIfOpen(tokenHash, answers, submitted, now);
        if (redeemed) {
            meters.submitted(answers.mode() == null ? FormMode.OWN_DEVICE : answers.mode(), answers.language());
        }
        return redeemed;
    }

    @Override
    public Optional<HarmReport> harmReport(String agencyId, UUID alertId) {
        return invitations.harmReport(agencyId, alertId);
    }

    @Override
    public List<GivenComment> commentsGiven(String agencyId, String programId, Instant from, Instant until) {
        return invitations.commentsGiven(agencyId, programId, from, until);
    }
}
