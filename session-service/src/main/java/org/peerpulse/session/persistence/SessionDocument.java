package org.peerpulse.session.persistence;

import java.time.Instant;
import java.util.List;

import org.peerpulse.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored shape of a session; stays in this package.
 *
 * <p>The retry key sits in a sub-document of its own, present only when the client sent a key, so that one
 * sparse unique index can decide between concurrent retries while sessions logged without a key never
 * collide on it (a sparse compound index skips a document only when every indexed field is missing, and
 * the agency of the session itself is never missing). Partial indexes would say this more directly, but the
 * embedded store does not support them.
 *
 * <p>A session logged before group sessions has one link in {@code invitationTokenHash} and
 * {@code invitationExpiresAt} and no {@code invitations}; it is read as a group of one, and a reissue moves it
 * to {@code invitations}.
 */
@Document("sessions")
@CompoundIndex(name = "agency_program_day", def = "{'agencyId': 1, 'programId': 1, 'sessionAt': 1}")
@CompoundIndex(name = "agency_day", def = "{'agencyId': 1, 'sessionAt': -1}")
@CompoundIndex(name = "agency_specialist_day", def = "{'agencyId': 1, 'specialistId': 1, 'sessionAt': -1}")
@CompoundIndex(name = "agency_retry_key", def = "{'retryKey.agencyId': 1, 'retryKey.keyHash': 1}", unique = true,
        sparse = true)
record SessionDocument(
        @Id String id,
        String agencyId,
        String programId,
        String specialistId,
        String participantPseudonym,
        Instant sessionAt,
        int durationMinutes,
        String channel,
        String activity,
        List<String> focusAreas,
        List<String> strengthsNoted,
        List<String> valuesPracticed,
        String frameworkId,
        int frameworkVersion,
        List<InvitationDocument> invitations,
        String invitationTokenHash,
        Instant invitationExpiresAt,
        Instant loggedAt,
        String loggedBy,
        RetryKey retryKey,
        Instant voidedAt,
        String voidedBy,
        String voidReason,
        List<OutboxEntry> outbox,
        boolean outboxPending) {

    static final String RETRY_AGENCY = "retryKey.agencyId";
    static final String RETRY_KEY_HASH = "retryKey.keyHash";
    static final String VOIDED_AT = "voidedAt";
    static final String INVITATIONS = "invitations";
    static final String INVITATION_TOKEN_HASH = "invitationTokenHash";
    static final String INVITATION_EXPIRES_AT = "invitationExpiresAt";
    static final String VOIDED_BY = "voidedBy";
    static final String VOID_REASON = "voidReason";

    /** One participant's link: its token's hash and when it stops working. */
    record InvitationDocument(String tokenHash, Instant expiresAt) {
    }

    /** The {@code Idempotency-Key} a session was logged under: its keyed hash and the request fingerprint. */
    record RetryKey(String agencyId, String keyHash, String requestFingerprint) {
    }
}
