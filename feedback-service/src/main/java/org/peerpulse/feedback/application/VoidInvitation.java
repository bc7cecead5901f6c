package org.peerpulse.feedback.application;

import org.peerpulse.feedback.domain.Invitations;

/** Stops the invitation of a voided session from working; feedback already given stays stored. */
public class VoidInvitation {

    private final Invitations invitations;

    public VoidInvitation(Invitations invitations) {
        this.invitations = invitations;
    }

    public void voidSession(Command command) {
        invitations.voidForSession(command.agencyId(), command.sessionId());
    }

    public record Command(String agencyId, String sessionId) {

        public Command {
            if (agencyId == null || agencyId.isBlank() || sessionId == null || sessionId.isBlank()) {
                throw new IllegalArgumentException("agencyId and sessionId are required");
            }
        }
    }
}
