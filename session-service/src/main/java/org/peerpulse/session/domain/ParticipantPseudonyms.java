package org.peerpulse.session.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces the agency's participant reference with a keyed hash (HMAC-SHA-256 under a per-deployment
 * secret), scoped by agency so that equal references in two agencies never match. Without the key the
 * pseudonym cannot be reversed or recomputed from a guessed reference.
 */
public final class ParticipantPseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public ParticipantPseudonyms(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the participant key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String pseudonymFor(String agencyId, String participantRef) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(agencyId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(participantRef.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
