package org.peerpulse.session.domain;

import java.security.SecureRandom;
import java.util.Base64;
import org.peerpulse.contracts.InvitationTokens;

/**
 * A one-time feedback token: 256 random bits, URL-safe. Only its SHA-256 hash is ever stored or published;
 * the raw value exists once, in the answer to the specialist who hands it to the participant.
 */
public record InvitationToken(String value, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static InvitationToken issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new InvitationToken(value, hashOf(value));
    }

    public static String hashOf(String token) {
        return InvitationTokens.hashOf(token);
    }

    @Override
    public String toString() {
        return "InvitationToken[hash=" + hash + "]";
    }
}
