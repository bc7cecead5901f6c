package org.peerpulse.indicators.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The facts the indicators are counted from, as a collection: one record per session and one per
 * feedback event. Every write is single-record and safe to repeat, so no transaction is needed.
 */
public interface Facts {

    /** The stored facts of these sessions, in one read; a session nothing is known of is left out. */
    Map<SessionRef, SessionFact> sessions(Collection<SessionRef> sessions);

    /** Sets each change's logged session and void where they are still absent, creating the record. */
    void record(List<SessionChange> changes);

    /** Stores each feedback fact unless one with its event id exists already: the first one read wins. */
    void recordFeedback(List<FeedbackFact> facts);

    /**
     * Adds these feedback ids to their sessions' lists, creating the session record if needed, except
     * where the session is voided: those stay out for good.
     */
    void claim(Map<SessionRef, Set<UUID>> feedbackBySession);

    /** The stored feedback facts of these event ids, in one read. */
    Map<UUID, FeedbackFact> feedback(Collection<UUID> eventIds);
}
