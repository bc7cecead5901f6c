package org.peerpulse.session.application;

import java.time.Instant;

/** The answer to a logged session: its id and the invitation token, shown once and never stored. */
public record LoggedSession(String sessionId, String invitationToken, Instant invitationExpiresAt) {

    @Override
    public String toString() {
        return "LoggedSession[sessionId=" + sessionId + "]";
    }
}
