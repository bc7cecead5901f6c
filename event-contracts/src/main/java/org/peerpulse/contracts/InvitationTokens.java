package org.peerpulse.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What session-service and feedback-service agree on about a feedback token: its shape (32 random bytes
 * in base64url without padding, 43 characters) and how it is hashed for {@code SessionLogged}. The raw
 * token never travels in an event; the hash does.
 */
public final class InvitationTokens {

    /** Every token matches this; anything else cannot be one. */
    public static final String FORMAT = "^[A-Za-z0-9_-]{43}$";

    private InvitationTokens() {
    }

    /** Lower-case hex SHA-256 of the token's characters (UTF-8). */
    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
