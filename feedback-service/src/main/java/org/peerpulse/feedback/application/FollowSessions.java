package org.peerpulse.feedback.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.InvitedSession;

/**
 * Follows the session stream one polled batch at a time: learns every invitation the batch's logged
 * sessions issued, in one write, then voids the invitations of its voided sessions in the batch's order.
 * Voiding withdraws each answer that counted exactly once: the invitation decides on what was read, and the
 * store keeps that decision only if the invitation is still as read, so an answer stored in between is
 * seen on the next read and withdrawn, and an answer that comes after the void is refused. Every step is
 * safe to repeat, so a redelivered batch changes nothing and publishes nothing.
 */
public class FollowSessions {

    /**
     * How many times one invitation's void is decided. An invitation changes at most twice (redeemed, then
     * voided), so by the third read it has settled; a fourth would mean the store is not keeping its word.
     */
    private static final int DECISIONS = 3;

    private final Invitations invitations;
    private final Clock clock;

    public FollowSessions(Invitations invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    public void follow(Batch batch) {
        if (!batch.issued().isEmpty()) {
            invitations.addAllIfAbsent(batch.issued().stream().map(issued -> Invitation.issued(issued.tokenHash(),
                    issued.session(), issued.framework(), issued.expiresAt())).toList());
        }
        for (VoidedSession voided : batch.voided()) {
            for (Invitation read : invitations.ofSession(voided.agencyId(), voided.sessionId())) {
                voidWithSession(read);
            }
        }
    }

    private void voidWithSession(Invitation read) {
        Optional<Invitation> current = Optional.of(read);
        for (int decision = 0; decision < DECISIONS && current.isPresent(); decision++) {
            Optional<Invitation.Voided> voided = current.get().voidWithSession(clock.instant(),
                    EventIds.newId(clock));
            if (voided.isEmpty() || invitations.markVoided(voided.get())) {
                return;
            }
            // Redeemed or voided since it was read: decide again on what it is now.
            current = invitations.ofSession(read.session().agencyId(), read.session().sessionId()).stream()
                    .filter(invitation -> invitation.tokenHash().equals(read.tokenHash()))
                    .findFirst();
        }
        if (current.isPresent()) {
            throw new IllegalStateException("an invitation kept changing while its session was voided");
        }
    }

    /** What one poll of the session stream said: the invitations issued, and the sessions voided, in order. */
    public record Batch(List<IssuedInvitation> issued, List<VoidedSession> voided) {

        public Batch {
            issued = List.copyOf(issued);
            voided = List.copyOf(voided);
        }
    }

    /**
     * An invitation session-service issued for a logged session.
     *
     * @param tokenHash lower-case hex SHA-256 of the token; the token itself never reaches this service
     *     before the participant brings it
     */
    public record IssuedInvitation(String tokenHash, InvitedSession session, FrameworkRef framework,
            Instant expiresAt) {

        private static final Pattern SHA_256_HEX = Pattern.compile("^[0-9a-f]{64}$");

        public IssuedInvitation {
            if (tokenHash == null || !SHA_256_HEX.matcher(tokenHash).matches()) {
                throw new IllegalArgumentException("tokenHash must be a lower-case hex SHA-256");
            }
            Objects.requireNonNull(session, "session is required");
            Objects.requireNonNull(framework, "framework is required");
            Objects.requireNonNull(expiresAt, "expiresAt is required");
        }
    }

    /** A session of an agency that was voided: its invitations stop working and their answers stop counting. */
    public record VoidedSession(String agencyId, String sessionId) {

        public VoidedSession {
            if (agencyId == null || agencyId.isBlank() || sessionId == null || sessionId.isBlank()) {
                throw new IllegalArgumentException("agencyId and sessionId are required");
            }
        }
    }
}
