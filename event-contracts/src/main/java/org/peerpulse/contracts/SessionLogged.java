package org.peerpulse.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A specialist logged a session and a one-time feedback invitation was issued for it. Carries what its
 * consumers read and nothing more: no participant (not even a pseudonym) and not the specialist's
 * free-text strength tags, only whether there were any; those stay in session-service, where they can be
 * erased. Only the SHA-256 hash of the invitation token travels, never the token.
 *
 * <p>Version 2 of the type ({@link EventTypes#SESSION_LOGGED}): version 1 also carried the participant's
 * pseudonym and the strength tags, which had to go, so it is a new type, not a changed one.
 *
 * @param sessionAt when the session took place; indicators count it in that day of the agency's time zone
 * @param strengthsAcknowledged whether the specialist noted at least one of the participant's strengths
 * @param valuesPracticed the value codes the specialist said they practiced (their own reflection)
 * @param invitation the first of {@code invitations}, kept for readers of this type from before group sessions
 * @param invitations one per attendee (1–30): each is a one-time link, and the session counts them all as invited
 */
public record SessionLogged(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        int durationMinutes,
        Channel channel,
        Activity activity,
        List<FocusArea> focusAreas,
        boolean strengthsAcknowledged,
        List<String> valuesPracticed,
        FrameworkRef framework,
        InvitationIssued invitation,
        List<InvitationIssued> invitations) implements PeerPulseEvent {

    public SessionLogged {
        PeerPulseEvent.requireIdentity(eventId, occurredAt, agencyId);
        focusAreas = List.copyOf(focusAreas == null ? List.of() : focusAreas);
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
        // Written before group sessions: the one invitation is all there is.
        invitations = invitations == null || invitations.isEmpty()
                ? (invitation == null ? List.of() : List.of(invitation))
                : List.copyOf(invitations);
    }

    /** What this session adds to the indicators, which is also what voiding it takes back out. */
    public SessionContribution contribution() {
        return new SessionContribution(durationMinutes, activity, focusAreas, strengthsAcknowledged,
                invitations.size(), valuesPracticed);
    }

    /** The invitation a participant redeems: only the token's hash travels. */
    public record InvitationIssued(String tokenHash, Instant expiresAt) {
    }
}
