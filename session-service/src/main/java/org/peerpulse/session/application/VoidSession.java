package org.peerpulse.session.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.peerpulse.contracts.EventIds;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionAlreadyVoidedException;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.peerpulse.session.domain.Sessions;

/**
 * Voids a session: the session decides whether the caller may and whether it still can; the store marks it
 * and keeps the SessionVoided event in one conditional write, so two concurrent voids give one event.
 */
public class VoidSession {

    private final Sessions sessions;
    private final Clock clock;

    public VoidSession(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public void voidSession(VoidSessionCommand command) {
        Session session = sessions.find(command.agencyId(), command.sessionId())
                .orElseThrow(SessionNotFoundException::new);
        Session.Voided voided = session.voidBy(command.actor(), command.reason(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), EventIds.newId(clock));
        if (!sessions.markVoided(voided)) {
            throw new SessionAlreadyVoidedException();
        }
    }
}
