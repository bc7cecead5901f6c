package org.peerpulse.session.application;

import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.peerpulse.session.domain.Sessions;

/** Reads one session of the caller's agency. */
public class GetSession {

    private final Sessions sessions;

    public GetSession(Sessions sessions) {
        this.sessions = sessions;
    }

    public Session get(SessionQuery query) {
        return sessions.find(query.agencyId(), query.sessionId()).orElseThrow(SessionNotFoundException::new);
    }

    /** Which session, in which agency. */
    public record SessionQuery(String agencyId, String sessionId) {
    }
}
