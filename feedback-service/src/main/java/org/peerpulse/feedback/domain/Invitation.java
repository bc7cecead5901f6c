package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;

/**
 * A one-time invitation to give feedback on one session, known only by its token's hash. It can be
 * redeemed once, before it expires, unless its session was voided; voiding its session after it was
 * redeemed withdraws the answer it counted.
 *
 * @param redeemedAt when feedback was given, or {@code null} while still open
 * @param counted the answer it counted, as published; {@code null} while open (and for an invitation
 *     redeemed before answers were kept for withdrawal, which therefore cannot be withdrawn)
 */
public record Invitation(String tokenHash, InvitedSession session, FrameworkRef framework, Instant expiresAt,
        boolean voided, Instant redeemedAt, CountedAnswer counted) {

    public Invitation {
        InvitedSession.requireText(tokenHash, "tokenHash");
        Objects.requireNonNull(session, "session is required");
        Objects.requireNonNull(framework, "framework is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        if (counted != null && redeemedAt == null) {
            throw new IllegalArgumentException("an answer counts only once the invitation is redeemed");
        }
    }

    /** A freshly issued invitation: open until {@code expiresAt}. */
    public static Invitation issued(String tokenHash, InvitedSession session, FrameworkRef framework,
            Instant expiresAt) {
        return new Invitation(tokenHash, session, framework, expiresAt, false, null, null);
    }

    /** Why this invitation cannot be redeemed at {@code now}, if it cannot; a used token says so first. */
    public Optional<Reason> unavailableAt(Instant now) {
        if (redeemedAt != null) {
            return Optional.of(Reason.ALREADY_USED);
        }
        if (voided) {
            return Optional.of(Reason.VOIDED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(Reason.EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * Redeems the invitation with the participant's answers.
     *
     * @return the fact to publish: the session's dimensions and the ratings, never the comment or harm text
     * @throws InvitationUnavailableException if it is used, voided or expired
     */
    public FeedbackSubmitted redeem(Answers answers, Instant now, UUID eventId) {
        Optional<Reason> unavailable = unavailableAt(now);
        if (unavailable.isPresent()) {
            throw new InvitationUnavailableException(unavailable.get());
        }
        if (!answers.framework().equals(framework)) {
            throw new IllegalArgumentException("answers were checked against another framework");
        }
        return new FeedbackSubmitted(eventId, now, session.agencyId(), session.sessionId(), session.programId(),
                session.specialistId(), session.sessionAt(), framework, answers.ratings(), answers.hope(),
                answers.harmReported(), answers.language(), answers.mode().name());
    }

    /**
     * Voids this invitation because its session was voided. The answer it counted, if any, no longer counts:
     * the decision hands back its withdrawal, built from the {@link FeedbackSubmitted} that was published for
     * it, to be published from the same invitation, after that answer. Decided on this invitation as read:
     * the store keeps it only if the invitation is still so (not voided, redeemed or not as read).
     *
     * @param eventId the withdrawal's event id, used only if there is an answer to withdraw
     * @return empty if it was voided before: a repeated void changes nothing and withdraws nothing
     */
    public Optional<Voided> voidWithSession(Instant now, UUID eventId) {
        if (voided) {
            return Optional.empty();
        }
        Invitation after = new Invitation(tokenHash, session, framework, expiresAt, true, redeemedAt, counted);
        FeedbackWithdrawn withdrawn = counted == null ? null
                : FeedbackWithdrawn.of(published(), FeedbackWithdrawn.SESSION_VOIDED, eventId, now);
        return Optional.of(new Voided(after, withdrawn));
    }

    /** The fact published when this invitation was redeemed, rebuilt from what it kept. */
    private FeedbackSubmitted published() {
        return new FeedbackSubmitted(counted.submittedEventId(), redeemedAt, session.agencyId(), session.sessionId(),
                session.programId(), session.specialistId(), session.sessionAt(), framework, counted.ratings(),
                counted.hope(), counted.harmReported(), counted.language(), counted.mode());
    }

    /**
     * An invitation just voided with its session.
     *
     * @param invitation the invitation as voided; everything else as it was read
     * @param withdrawn the withdrawal of the answer it counted, or {@code null} when it counted none
     */
    public record Voided(Invitation invitation, FeedbackWithdrawn withdrawn) {

        public Optional<FeedbackWithdrawn> withdrawal() {
            return Optional.ofNullable(withdrawn);
        }
    }
}
