package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.regex.Pattern;
import org.peerpulse.contracts.InvitationTokens;

/**
 * The participant's one-time credential as handed out by session-service (its shape is
 * {@link InvitationTokens#FORMAT}). Only its SHA-256 hash is ever stored or compared, and
 * {@link #toString()} never shows it, so it cannot slip into a log line.
 */
public final class InvitationToken {

    /** What a token looks like; anything else cannot be one and is rejected before any lookup. */
    public static final String FORMAT = InvitationTokens.FORMAT;

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

    /** When session-service says it issued this token (its first characters carry the moment). */
    public Instant issuedAt() {
        return InvitationTokens.issuedAt(value).orElseThrow();
    }

    static String hashOf(String token) {
        return InvitationTokens.hashOf(token);
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
