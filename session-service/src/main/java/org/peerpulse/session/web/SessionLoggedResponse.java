package org.peerpulse.session.web;

import java.time.Instant;

/** The answer to a logged session: where the raw invitation token is shown (and shown again to a retry). */
record SessionLoggedResponse(String sessionId, Feedback feedback) {

    /**
     * What the specialist hands to the participant: the token, the link, when it stops working, and the link
     * as a QR code ({@code data:image/png;base64,...}) for a phone to scan.
     */
    record Feedback(String token, String url, Instant expiresAt, String qrCode) {

        @Override
        public String toString() {
            return "Feedback[expiresAt=" + expiresAt + "]";
        }
    }
}
