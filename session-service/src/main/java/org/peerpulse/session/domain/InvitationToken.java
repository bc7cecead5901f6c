package org.peerpulse.session.domain;

import java.time.Instant;

import org.peerpulse.contracts.InvitationTokens;

/**
 * A one-time feedback token (see {@link InvitationTokens} for its shape). Only its SHA-256 hash is ever
 * stored or published; the raw value exists only in the answer to the specialist who hands it to the
 * participant (and, for a request sent with an {@code Idempotency-Key}, in the repeated answer to a retry).
 */
public record InvitationToken(String value, String hash) {

    public static InvitationToken issue(Instant now) {
        return from(InvitationTokens.issue(now));
    }

    /** The token issued at {@code issuedAt} whose secret part is {@code secret32} (see {@link IdempotencyKeys}). */
    static InvitationToken of(Instant issuedAt, byte[] secret32) {
        return from(InvitationTokens.of(issuedAt, secret32));
    }

    private static InvitationToken from(String value) {
        return new InvitationToken(value, InvitationTokens.hashOf(value));
    }

    @Override
    public String toString() {
        return "InvitationToken[hash=" + hash + "]";
    }
}
