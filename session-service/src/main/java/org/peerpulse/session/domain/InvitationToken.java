package org.peerpulse.session.domain;

import java.time.Instant;
import org.peerpulse.contracts.InvitationTokens;

/**
 * A one-time feedback token (see {@link InvitationTokens} for its shape). Only its SHA-256 hash is ever
 * stored or published; the raw value exists once, in the answer to the specialist who hands it to the
 * participant.
 */
public record InvitationToken(String value, String hash) {

    public static InvitationToken issue(Instant now) {
        String value = InvitationTokens.issue(now);
        return new InvitationToken(value, InvitationTokens.hashOf(value));
    }

    @Override
    public String toString() {
        return "InvitationToken[hash=" + hash + "]";
    }
}
