package org.peerpulse.feedback.application;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.InvitedSession;

/** Learns the invitation session-service issued for a logged session, once however often it is told. */
public class LearnInvitation {

    private final Invitations invitations;

    public LearnInvitation(Invitations invitations) {
        this.invitations = invitations;
    }

    public void learn(Command command) {
        invitations.addIfAbsent(Invitation.issued(command.tokenHash(), command.session(), command.framework(),
                command.expiresAt()));
    }

    /**
     * @param tokenHash lower-case hex SHA-256 of the token; the token itself never reaches this service
     *     before the participant brings it
     */
    public record Command(String tokenHash, InvitedSession session, FrameworkRef framework, Instant expiresAt) {

        private static final Pattern SHA_256_HEX = Pattern.compile("^[0-9a-f]{64}$");

        public Command {
            if (tokenHash == null || !SHA_256_HEX.matcher(tokenHash).matches()) {
                throw new IllegalArgumentException("tokenHash must be a lower-case hex SHA-256");
            }
            Objects.requireNonNull(session, "session is required");
            Objects.requireNonNull(framework, "framework is required");
            Objects.requireNonNull(expiresAt, "expiresAt is required");
        }
    }
}
