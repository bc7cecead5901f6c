package org.peerpulse.indicators.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.peerpulse.indicators.domain.FeedbackFact;
import org.peerpulse.indicators.domain.Facts;
import org.peerpulse.indicators.domain.SessionChange;
import org.peerpulse.indicators.domain.SessionFact;
import org.peerpulse.indicators.domain.SessionRef;

/** Facts in maps, with the same first-one-wins and no-claims-after-a-void rules as the Mongo adapter. */
class InMemoryFacts implements Facts {

    final Map<SessionRef, SessionFact> sessions = new HashMap<>();
    final Map<UUID, FeedbackFact> feedback = new HashMap<>();

    @Override
    public Map<SessionRef, SessionFact> sessions(Collection<SessionRef> refs) {
        Map<SessionRef, SessionFact> found = new HashMap<>();
        refs.stream().filter(sessions::containsKey).forEach(ref -> found.put(ref, sessions.get(ref)));
        return found;
    }

    @Override
    public void record(List<SessionChange> changes) {
        for (SessionChange change : changes) {
            SessionFact now = sessions.getOrDefault(change.session(), SessionFact.unknown(change.session()));
            boolean loggedFree = change.logged() == null || now.logged() == null;
            boolean voidFree = !(change.voided() != null || (change.logged() != null && change.logged().counted()))
                    || now.voided() == null;
            if (loggedFree && voidFree) {
                sessions.put(change.session(), new SessionFact(change.session(),
                        change.logged() != null ? change.logged() : now.logged(),
                        change.voided() != null ? change.voided() : now.voided(), now.feedback()));
            } else {
                sessions.put(change.session(), now);
            }
        }
    }

    @Override
    public void recordFeedback(List<FeedbackFact> facts) {
        facts.forEach(fact -> feedback.putIfAbsent(fact.event().eventId(), fact));
    }

    @Override
    public void claim(Map<SessionRef, Set<UUID>> feedbackBySession) {
        feedbackBySession.forEach((session, ids) -> {
            SessionFact now = sessions.getOrDefault(session, SessionFact.unknown(session));
            if (!now.isVoided()) {
                Set<UUID> claimed = new HashSet<>(now.feedback());
                claimed.addAll(ids);
                now = new SessionFact(session, now.logged(), now.voided(), claimed);
            }
            sessions.put(session, now);
        });
    }

    @Override
    public Map<UUID, FeedbackFact> feedback(Collection<UUID> eventIds) {
        Map<UUID, FeedbackFact> found = new HashMap<>();
        eventIds.stream().filter(feedback::containsKey).forEach(id -> found.put(id, feedback.get(id)));
        return found;
    }
}
