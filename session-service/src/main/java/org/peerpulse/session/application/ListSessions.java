package org.peerpulse.session.application;

import org.peerpulse.session.domain.SessionPage;
import org.peerpulse.session.domain.SessionSearch;
import org.peerpulse.session.domain.Sessions;

/** Lists an agency's sessions, newest first, one page at a time. */
public class ListSessions {

    private final Sessions sessions;

    public ListSessions(Sessions sessions) {
        this.sessions = sessions;
    }

    public SessionPage list(SessionSearch search) {
        return sessions.search(search);
    }
}
