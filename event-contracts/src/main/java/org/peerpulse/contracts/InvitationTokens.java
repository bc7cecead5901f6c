package org.peerpulse.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What session-service and feedback-service agree on about a feedback token: its shape and how it is
 * hashed for {@code SessionLogged}. The raw token never travels in an event; the hash does.
 *
 * <p>A token is the moment it was issued (48-bit epoch milliseconds, 8 characters) followed by 256 random
 * bits (43 characters), all base64url without padding. The moment lets feedback-service tell a link whose
 * {@code SessionLogged} has not reached it yet (answer "one moment", 503) from one that does not exist
 * (404), without asking session-service; it tells the holder nothing they did not know.
 */
public final class InvitationTokens {

    /** Every token matches this; anything else cannot be one. */
    public static final String FORMAT = "^[A-Za-z0-9_-]{51}$";

    private static final int TIME_BYTES = 6;
    private static final int RANDOM_BYTES = 32;
    private static final int TIME_CHARS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationTokens() {
    }

    /** A new token issued at {@code now}. */
    public static String issue(Instant now) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return of(now, random);
    }

    /**
     * The token issued at {@code issuedAt} (kept to the millisecond) whose secret part is {@code secret32}.
     * For a producer that must be able to hand out the same token again, such as an answer repeated for a
     * retried request: it derives the 32 bytes from a key only it holds, so they are as unguessable as
     * random ones.
     */
    public static String of(Instant issuedAt, byte[] secret32) {
        if (secret32 == null || secret32.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("a token's secret part is exactly " + RANDOM_BYTES + " bytes");
        }
        byte[] time = Arrays.copyOfRange(ByteBuffer.allocate(Long.BYTES).putLong(issuedAt.toEpochMilli()).array(),
                Long.BYTES - TIME_BYTES, Long.BYTES);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(time) + encoder.encodeToString(secret32);
    }

    /** When a well-formed token says it was issued; empty for anything that is not a token. */
    public static Optional<Instant> issuedAt(String token) {
        if (token == null || !token.matches(FORMAT)) {
            return Optional.empty();
        }
        byte[] time = Base64.getUrlDecoder().decode(token.substring(0, TIME_CHARS));
        long millis = 0;
        for (byte b : time) {
            millis = (millis << 8) | (b & 0xFF);
        }
        return Optional.of(Instant.ofEpochMilli(millis));
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
