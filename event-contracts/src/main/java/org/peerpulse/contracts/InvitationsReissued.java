package org.peerpulse.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A specialist asked for fresh feedback links for a session (a participant lost theirs). Each new link takes
 * the place of one link issued before: if that one is still unanswered it stops working (it answers 410) and
 * the new one works instead; if it was answered meanwhile, the new one never works, so a session never gets
 * more answers than invitations. Only token hashes travel. Carries the session's dimensions, like
 * {@link SessionLogged}, so feedback-service can learn the new links on their own.
 */
public record InvitationsReissued(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        FrameworkRef framework,
        List<Replacement> replacements) implements PeerPulseEvent {

    public InvitationsReissued {
        PeerPulseEvent.requireIdentity(eventId, occurredAt, agencyId);
        replacements = List.copyOf(replacements == null ? List.of() : replacements);
    }

    /** A new link, and the hash of the link it replaces. */
    public record Replacement(String replacedTokenHash, String tokenHash, Instant expiresAt) {
    }
}
