package org.peerpulse.feedback.messaging;

import java.util.List;
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

    /**
     * The invitations a logged session issued: one per attendee of a group session, none for a session logged
     * without one. {@code invitation} is only the first of them, kept for readers from before group sessions;
     * one that is not among them contradicts the record, which then describes no invitations at all.
     */
    static List<FollowSessions.IssuedInvitation> invitationsOf(SessionLogged logged) {
        if (logged.invitation() != null && !logged.invitations().contains(logged.invitation())) {
            throw new UnreadableEventException("SessionLogged names a first invitation that is not among them", null);
        }
        try {
            InvitedSession session = new InvitedSession(logged.agencyId(), logged.sessionId(), logged.programId(),
                    logged.specialistId(), logged.sessionAt());
            return logged.invitations().stream()
                    .map(issued -> new FollowSessions.IssuedInvitation(issued.tokenHash(), session,
                            logged.framework(), issued.expiresAt()))
                    .toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("SessionLogged does not describe its invitations", e);
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
