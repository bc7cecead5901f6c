package org.peerpulse.session.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionPage;
import org.peerpulse.session.domain.SessionSearch;
import org.peerpulse.session.domain.Sessions;

/**
 * Keeps sessions and their events as the real adapter would: one write each, retry keys unique per agency, a
 * void or a reissue only if nothing changed the session since it was read.
 */
final class InMemorySessions implements Sessions {

    final List<Session> stored = new ArrayList<>();
    final List<PeerPulseEvent> events = new ArrayList<>();
    /** Set to simulate a concurrent writer that takes the retry key between the look-up and the insert. */
    Runnable beforeAdd = () -> { };
    /** Set to simulate a concurrent void or reissue between the read and the guarded write. */
    Runnable beforeReplace = () -> { };

    @Override
    public synchronized boolean add(Session session, SessionLogged logged) {
        beforeAdd.run();
        beforeAdd = () -> { };
        if (session.idempotency() != null && findByIdempotencyKey(session.agencyId(),
                session.idempotency().keyHash()).isPresent()) {
            return false;
        }
        stored.add(session);
        events.add(logged);
        return true;
    }

    @Override
    public synchronized Optional<Session> find(String agencyId, String sessionId) {
        return stored.stream().filter(s -> s.agencyId().equals(agencyId) && s.sessionId().equals(sessionId))
                .findFirst();
    }

    @Override
    public synchronized Optional<Session> findByIdempotencyKey(String agencyId, String keyHash) {
        return stored.stream().filter(s -> s.agencyId().equals(agencyId) && s.idempotency() != null
                && s.idempotency().keyHash().equals(keyHash)).findFirst();
    }

    @Override
    public synchronized boolean markVoided(Session.Voided voided) {
        Session current = find(voided.session().agencyId(), voided.session().sessionId()).orElseThrow();
        if (current.voided()) {
            return false;
        }
        stored.set(stored.indexOf(current), voided.session());
        events.add(voided.event());
        return true;
    }

    @Override
    public synchronized boolean replaceInvitations(Session.Reissued reissued) {
        Runnable concurrent = beforeReplace;
        beforeReplace = () -> { };
        concurrent.run();
        Session current = find(reissued.session().agencyId(), reissued.session().sessionId()).orElseThrow();
        if (current.voided() || !current.invitations().equals(reissued.replaced())) {
            return false;
        }
        stored.set(stored.indexOf(current), reissued.session());
        events.add(reissued.event());
        return true;
    }

    @Override
    public synchronized SessionPage search(SessionSearch search) {
        List<Session> matching = stored.stream().filter(s -> s.agencyId().equals(search.agencyId()))
                .filter(s -> search.programId() == null || search.programId().equals(s.details().programId()))
                .filter(s -> search.specialistId() == null
                        || search.specialistId().equals(s.details().specialistId()))
                .sorted(Comparator.comparing((Session s) -> s.details().sessionAt()).reversed()).toList();
        return new SessionPage(matching.stream().skip(search.skip()).limit(search.size()).toList(), matching.size());
    }
}
