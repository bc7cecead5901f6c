package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;

/**
 * A one-time invitation to give feedback on one session, known only by its token's hash. It can be
 * redeemed once, before it expires, unless its session was voided.
 *
 * @param redeemedAt when feedback was given, or {@code null} while still open
 */
public record Invitation(String tokenHash, InvitedSession session, FrameworkRef framework, Instant expiresAt,
        boolean voided, Instant redeemedAt) {

    public Invitation {
        InvitedSession.requireText(tokenHash, "tokenHash");
        Objects.requireNonNull(session, "session is required");
        Objects.requireNonNull(framework, "framework is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
    }

    /** A freshly issued invitation: open until {@code expiresAt}. */
    public static Invitation issued(String tokenHash, InvitedSession session, FrameworkRef framework,
            Instant expiresAt) {
        return new Invitation(tokenHash, session, framework, expiresAt, false, null);
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
}
