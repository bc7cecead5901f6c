package org.peerpulse.feedback.messaging;

import java.util.List;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.feedback.application.FollowSessions;
import org.peerpulse.feedback.domain.InvitedSession;
import org.peerpulse.platform.messaging.UnreadableEventException;

/**
 * Session contract records to feedback commands. A record that reads as JSON but cannot describe its
 * invitations (a blank id, a malformed hash, a link that replaces itself) is unreadable: retrying would never help, so it is
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
                    logged.specialistId(), logged.sessionAt(), logged.valuesPracticed());
            return logged.invitations().stream()
                    .map(issued -> new FollowSessions.IssuedInvitation(issued.tokenHash(), session,
                            logged.framework(), issued.expiresAt()))
                    .toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("SessionLogged does not describe its invitations", e);
        }
    }

    /** The fresh links of a reissue, each with the hash of the link it takes the place of. */
    static FollowSessions.ReissuedLinks reissueOf(InvitationsReissued reissued) {
        try {
            InvitedSession session = new InvitedSession(reissued.agencyId(), reissued.sessionId(),
                    reissued.programId(), reissued.specialistId(), reissued.sessionAt());
            return new FollowSessions.ReissuedLinks(reissued.agencyId(), reissued.sessionId(),
                    reissued.replacements().stream()
                            .map(replacement -> new FollowSessions.FreshLink(replacement.replacedTokenHash(),
                                    new FollowSessions.IssuedInvitation(replacement.tokenHash(), session,
                                            reissued.framework(), replacement.expiresAt())))
                            .toList());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("InvitationsReissued does not describe its fresh links", e);
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
