package org.peerpulse.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A specialist logged a session and a one-time feedback invitation was issued for it. Carries only the
 * pseudonym of the participant (a keyed hash) and the SHA-256 hash of the invitation token, never the
 * agency's own participant reference or the token itself.
 *
 * @param sessionAt when the session took place; indicators count it in that day of the agency's time zone
 */
public record SessionLogged(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        String participantPseudonym,
        Instant sessionAt,
        int durationMinutes,
        Channel channel,
        Activity activity,
        List<FocusArea> focusAreas,
        List<String> strengthsNoted,
        List<String> valuesPracticed,
        FrameworkRef framework,
        InvitationIssued invitation) implements PeerPulseEvent {

    public SessionLogged {
        focusAreas = List.copyOf(focusAreas == null ? List.of() : focusAreas);
        strengthsNoted = List.copyOf(strengthsNoted == null ? List.of() : strengthsNoted);
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
    }

    /** The invitation a participant redeems: only the token's hash travels. */
    public record InvitationIssued(String tokenHash, Instant expiresAt) {
    }
}
