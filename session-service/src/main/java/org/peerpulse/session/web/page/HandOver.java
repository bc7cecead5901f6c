package org.peerpulse.session.web.page;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpSession;

/**
 * The links of the last session logged (or given fresh links) in this browser, held in the signed-in person's
 * HTTP session only: never stored, never logged, gone when they go back to the workspace or sign out.
 */
record HandOver(String sessionId, List<Link> links) implements Serializable {

    private static final String ATTRIBUTE = HandOver.class.getName();

    HandOver {
        links = List.copyOf(links);
    }

    void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** The links of {@code sessionId}, if this browser was the one that was just shown them. */
    static HandOver of(HttpSession session, String sessionId) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof HandOver held
                && held.sessionId().equals(sessionId) ? held : null;
    }

    static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    @Override
    public String toString() {
        return "HandOver[sessionId=" + sessionId + ", links=" + links.size() + "]";
    }

    /** One participant's link, with the token in it. */
    record Link(String url, Instant expiresAt) implements Serializable {

        @Override
        public String toString() {
            return "Link[expiresAt=" + expiresAt + "]";
        }
    }
}
