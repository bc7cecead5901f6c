package org.peerpulse.session.domain;

import java.util.Optional;
import org.peerpulse.contracts.SessionLogged;

/** The agency's logged sessions. Every read is scoped by agency. */
public interface Sessions {

    /** Stores the session and the event to publish in one write: both or neither. */
    void add(Session session, SessionLogged logged);

    Optional<Session> find(String agencyId, String sessionId);
}
