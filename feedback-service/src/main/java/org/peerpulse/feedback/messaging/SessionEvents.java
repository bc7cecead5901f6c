package org.peerpulse.feedback.messaging;

import java.util.Optional;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.feedback.application.FollowSessions;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.platform.messaging.UnreadableEventException;

/**
 * Session contract records to feedback commands. A record that reads as JSON but cannot describe an
 * invitation (a blank id, a malformed hash) is unreadable: retrying would never help, so it is
 * dead-lettered instead of blocking the partition.
 */
final class SessionEvents {

    private SessionEvents() {
    }

    /** The invitation a logged session issued; empty for a session logged without one. */
    static Optional<FollowSessions.IssuedInvitation> invitationOf(SessionLogged logged) {
        if (logged.invitation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FollowSessions.IssuedInvitation(logged.invitation().tokenHash(),
                    new InvitedSession(logged.agencyId(), logged.sessionId(), logged.programId(),
                            logged.specialistId(), logged.sessionAt()),
                    logged.framework(), logged.invitation().expiresAt()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("SessionLogged does not describe an invitation", e);
        }
    }

    static FollowSessions.VoidedSession voidingOf(SessionVoided voided) {
        try {
            return new FollowSessions.VoidedSession(voided.agencyId(), voided.sessionId());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("SessionVoided names no session", e);
        }
    }
}
