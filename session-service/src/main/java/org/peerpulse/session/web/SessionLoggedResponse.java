package org.peerpulse.session.web;

import java.time.Instant;
import java.util.List;

import org.peerpulse.session.application.LoggedSession;

/**
 * The answer to a logged session, or to fresh links: where the raw invitation tokens are shown (and shown again
 * to a retry). {@code feedback} is the first link, as before group sessions; {@code feedbackLinks} all of them.
 */
record SessionLoggedResponse(String sessionId, Feedback feedback, List<Feedback> feedbackLinks) {

    static SessionLoggedResponse of(LoggedSession logged, FeedbackLinks links, FeedbackQrCodes qrCodes) {
        List<Feedback> all = logged.links().stream().map(link -> {
            String url = links.linkFor(link.token());
            return new Feedback(link.token(), url, link.expiresAt(), qrCodes.pngDataUri(url));
        }).toList();
        return new SessionLoggedResponse(logged.sessionId(), all.get(0), all);
    }

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
