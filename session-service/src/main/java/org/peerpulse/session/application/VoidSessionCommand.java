package org.peerpulse.session.application;

import java.util.Objects;

/**
 * A request to withdraw a session of the caller's agency. {@code voidedBy} is the caller's token subject;
 * the reason stays in session-service and is never printed.
 */
public record VoidSessionCommand(String agencyId, String sessionId, String voidedBy, boolean qualityLead,
        String reason) {

    public VoidSessionCommand {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(voidedBy, "voidedBy");
    }

    @Override
    public String toString() {
        return "VoidSessionCommand[agencyId=" + agencyId + ", sessionId=" + sessionId + ", voidedBy=" + voidedBy + "]";
    }
}
