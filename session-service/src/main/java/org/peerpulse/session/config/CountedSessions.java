package org.peerpulse.session.config;

import java.util.Optional;

import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionPage;
import org.peerpulse.session.domain.SessionSearch;
import org.peerpulse.session.domain.Sessions;

/**
 * The sessions, counted where a change is known to be stored: a session when the store took it (a rejected
 * request never gets here, and a retry-key replay or a lost race is refused by the store), a void when its
 * conditional write won. So the use cases stay free of Micrometer, and the meters count only what happened.
 */
final class CountedSessions implements Sessions {

    private final Sessions sessions;
    private final SessionMeters meters;

    CountedSessions(Sessions sessions, SessionMeters meters) {
        this.sessions = sessions;
        this.meters = meters;
    }

    @Override
    public boolean add(Session session, SessionLogged logged) {
        boolean stored = sessions.add(session, logged);
        if (stored) {
            meters.sessionLogged(logged.channel(), logged.invitations().size());
        }
        return stored;
    }

    @Override
    public Optional<Session> find(String agencyId, String sessionId) {
        return sessions.find(agencyId, sessionId);
    }

    @Override
    public Optional<Session> findByIdempotencyKey(String agencyId, String keyHash) {
        return sessions.findByIdempotencyKey(agencyId, keyHash);
    }

    @Override
    public boolean markVoided(Session.Voided voided) {
        boolean changed = sessions.markVoided(voided);
        if (changed) {
            meters.sessionVoided();
        }
        return changed;
    }

    @Override
    public boolean replaceInvitations(Session.Reissued reissued) {
        boolean changed = sessions.replaceInvitations(reissued);
        if (changed) {
            meters.invitationsReissued(reissued.event().replacements().size());
        }
        return changed;
    }

    @Override
    public SessionPage search(SessionSearch search) {
        return sessions.search(search);
    }
}
