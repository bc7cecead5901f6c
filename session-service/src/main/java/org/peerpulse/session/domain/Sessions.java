package org.peerpulse.session.domain;

import java.util.Optional;

import org.peerpulse.contracts.SessionLogged;

/** The agency's logged sessions. Every read is scoped by agency. */
public interface Sessions {

    /**
     * Stores the session and the event to publish in one write: both or neither. A session with a retry
     * key is stored only if its agency has none under that key yet.
     *
     * @return {@code false} when another session already holds the retry key (nothing was stored)
     */
    boolean add(Session session, SessionLogged logged);

    Optional<Session> find(String agencyId, String sessionId);

    /** The session the agency logged under a retry key, if any. */
    Optional<Session> findByIdempotencyKey(String agencyId, String keyHash);

    /**
     * Marks the session voided and stores the event to publish, in one write, only if it is not voided yet.
     *
     * @return {@code false} when it was voided in the meantime (nothing was changed)
     */
    boolean markVoided(Session.Voided voided);

    /**
     * Replaces the session's links and stores the event to publish, in one write, only if it is not voided and
     * its links are still the ones {@code reissued} replaces.
     *
     * @return {@code false} when it was voided or its links replaced in the meantime (nothing was changed)
     */
    boolean replaceInvitations(Session.Reissued reissued);

    SessionPage search(SessionSearch search);
}
