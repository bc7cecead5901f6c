package org.peerpulse.session.application;

import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.peerpulse.session.domain.Sessions;

/**
 * Reads one session of the caller's agency; a specialist reads only the sessions attributed to them, and another
 * specialist's is not found, as another agency's is.
 */
public class GetSession {

    private final Sessions sessions;

    public GetSession(Sessions sessions) {
        this.sessions = sessions;
    }

    public Session get(SessionQuery query) {
        return sessions.find(query.agencyId(), query.sessionId())
                .filter(session -> query.specialistId() == null
                        || query.specialistId().equals(session.details().specialistId()))
                .orElseThrow(SessionNotFoundException::new);
    }

    /** Which session, in which agency; only if it is attributed to {@code specialistId}, unless that is {@code null}. */
    public record SessionQuery(String agencyId, String sessionId, String specialistId) {
    }
}
