package org.peerpulse.session.application;

import java.util.Objects;

import org.peerpulse.session.domain.Session;

/**
 * A request to withdraw a session of the caller's agency, by {@code actor}; the reason stays in session-service
 * and is never printed.
 */
public record VoidSessionCommand(String agencyId, String sessionId, Session.Actor actor, String reason) {

    public VoidSessionCommand {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(actor, "actor");
    }

    @Override
    public String toString() {
        return "VoidSessionCommand[agencyId=" + agencyId + ", sessionId=" + sessionId + ", voidedBy=" + actor.subject() + "]";
    }
}
