package org.peerpulse.session.application;

import java.time.Instant;
import java.util.List;

/** The answer to a logged session (or to fresh links): its id and each link's token, shown once and never stored. */
public record LoggedSession(String sessionId, List<IssuedLink> links) {

    public LoggedSession {
        links = List.copyOf(links);
    }

    @Override
    public String toString() {
        return "LoggedSession[sessionId=" + sessionId + ", links=" + links.size() + "]";
    }

    /** One participant's link: the raw token and when it stops working. */
    public record IssuedLink(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedLink[expiresAt=" + expiresAt + "]";
        }
    }
}
