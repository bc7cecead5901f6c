package org.peerpulse.feedback.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The participant's one-time credential as handed out by session-service: 32 random bytes in base64url
 * without padding (43 characters). Only its SHA-256 hash is ever stored or compared, and
 * {@link #toString()} never shows it, so it cannot slip into a log line.
 */
public final class InvitationToken {

    /** What a token looks like; anything else cannot be one and is rejected before any lookup. */
    public static final String FORMAT = "^[A-Za-z0-9_-]{43}$";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    private final String value;

    private InvitationToken(String value) {
        this.value = value;
    }

    public static InvitationToken of(String value) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("not an invitation token");
        }
        return new InvitationToken(value);
    }

    /** Lower-case hex SHA-256 of the token's characters (UTF-8), as {@code SessionLogged} carries it. */
    public String hash() {
        return hashOf(value);
    }

    static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvitationToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "InvitationToken[redacted]";
    }
}
