package org.peerpulse.session.web;

import java.time.Instant;

/** The answer to a logged session: the one time the raw invitation token is shown. */
record SessionLoggedResponse(String sessionId, Feedback feedback) {

    /** What the specialist hands to the participant. */
    record Feedback(String token, String url, Instant expiresAt) {
    }
}
