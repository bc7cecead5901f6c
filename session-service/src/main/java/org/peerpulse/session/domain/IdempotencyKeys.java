package org.peerpulse.session.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a retried request repeatable without storing anything secret. Under a per-deployment key
 * (HMAC-SHA-256), an agency's {@code Idempotency-Key} yields two unrelated values: the hash under which the
 * session is remembered, and the 32 secret bytes of its invitation token. The answer to a retry is then
 * rebuilt from the key and the stored issue time, while the store holds only the token's SHA-256 hash, as
 * for any other session. Without the deployment key neither value can be computed from a guessed key.
 */
public final class IdempotencyKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String KEY_HASH_PURPOSE = "idempotency-key";
    private static final String TOKEN_PURPOSE = "invitation-token";

    private final SecretKeySpec key;

    public IdempotencyKeys(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the invitation key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** How the agency's key is remembered. */
    public String hashOf(String agencyId, String idempotencyKey) {
        return HexFormat.of().formatHex(mac(KEY_HASH_PURPOSE, agencyId, idempotencyKey));
    }

    /** The invitation of the session logged under the agency's key at {@code issuedAt}: the same every time. */
    public InvitationToken tokenFor(String agencyId, String idempotencyKey, Instant issuedAt) {
        return InvitationToken.of(issuedAt, mac(TOKEN_PURPOSE, agencyId, idempotencyKey));
    }

    /**
     * The {@code attendees} invitations of a group session logged under the agency's key: the first as
     * {@link #tokenFor}, each other one from its own place in the group.
     */
    public List<InvitationToken> tokensFor(String agencyId, String idempotencyKey, Instant issuedAt, int attendees) {
        List<InvitationToken> tokens = new ArrayList<>();
        tokens.add(tokenFor(agencyId, idempotencyKey, issuedAt));
        for (int place = 1; place < attendees; place++) {
            tokens.add(InvitationToken.of(issuedAt, mac(TOKEN_PURPOSE + "#" + place, agencyId, idempotencyKey)));
        }
        return tokens;
    }

    private byte[] mac(String purpose, String agencyId, String idempotencyKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String part : new String[] {purpose, agencyId}) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return mac.doFinal(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
