package org.peerpulse.indicators.domain;

import java.util.Objects;

/**
 * What a batch of the session stream records about one session: the logged session and / or the void,
 * each to be set only if still absent, so that a repeat or a concurrent writer never overwrites the
 * first. {@code null} means "nothing new".
 */
public record SessionChange(SessionRef session, SessionFact.Logged logged, SessionFact.Voided voided) {

    public SessionChange {
        Objects.requireNonNull(session, "session");
        if (logged == null && voided == null) {
            throw new IllegalArgumentException("a session change records something");
        }
    }

    /** The change from {@code before} to {@code after}, or {@code null} when there is none. */
    public static SessionChange between(SessionFact before, SessionFact after) {
        SessionFact.Logged logged = before.logged() == null ? after.logged() : null;
        SessionFact.Voided voided = before.voided() == null ? after.voided() : null;
        return logged == null && voided == null ? null : new SessionChange(after.session(), logged, voided);
    }
}
