package org.peerpulse.indicators.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.peerpulse.indicators.domain.AgencyCalendar;
import org.peerpulse.indicators.domain.ConsumedEvent;
import org.peerpulse.indicators.domain.Contribution;
import org.peerpulse.indicators.domain.FeedbackFact;
import org.peerpulse.indicators.domain.Facts;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.indicators.domain.RollupChange;
import org.peerpulse.indicators.domain.RollupKey;
import org.peerpulse.indicators.domain.Rollups;
import org.peerpulse.indicators.domain.SessionChange;
import org.peerpulse.indicators.domain.SessionFact;
import org.peerpulse.indicators.domain.SessionRef;
import org.peerpulse.indicators.domain.SourcePosition;
import org.peerpulse.indicators.domain.VoidedSession;
import org.peerpulse.indicators.domain.Watermarks;

/**
 * Folds a batch of consumed events into the day rollups with exactly-once effect, in three steps that
 * are each safe to repeat:
 * <ol>
 * <li>record the facts: the session stream's logged sessions and voids on their session record (first one
 * wins), the feedback stream's feedback by event id (first one wins) and its id on the session record
 * unless that is voided;</li>
 * <li>read the facts back and decide, from them alone, what each event changes in which rollup: a copy
 * of an event at a new offset and feedback for a voided session change nothing, a void takes out what
 * its session and its feedback put in;</li>
 * <li>sum the changes in memory so that each rollup gets one write, drop what the rollups' watermarks
 * already cover, and write conditionally on the watermarks still being what was read.</li>
 * </ol>
 * Because step 2 depends only on stored facts, a batch repeated after a crash anywhere decides the same
 * changes again, and step 3 applies only those not yet in. See the persistence package for the details.
 */
public class ApplyEvents {

    static final int MAX_ATTEMPTS = 5;

    private final Facts facts;
    private final Rollups rollups;
    private final AgencyCalendar calendar;

    public ApplyEvents(Facts facts, Rollups rollups, AgencyCalendar calendar) {
        this.facts = facts;
        this.rollups = rollups;
        this.calendar = calendar;
    }

    public AppliedBatch apply(EventBatch batch) {
        List<ConsumedEvent> events = batch.events();
        if (events.isEmpty()) {
            return AppliedBatch.NOTHING;
        }
        recordSessions(events);
        recordFeedback(events);
        return applyToRollups(contributions(events));
    }

    private void recordSessions(List<ConsumedEvent> events) {
        List<ConsumedEvent> sessionEvents = events.stream()
                .filter(consumed -> !(consumed.event() instanceof ReceivedFeedback))
                .toList();
        if (sessionEvents.isEmpty()) {
            return;
        }
        Map<SessionRef, SessionFact> stored = facts.sessions(sessionsOf(sessionEvents));
        Map<SessionRef, SessionFact> folded = new LinkedHashMap<>();
        for (ConsumedEvent consumed : sessionEvents) {
            SessionRef session = consumed.event().session();
            SessionFact current = folded.containsKey(session) ? folded.get(session)
                    : stored.getOrDefault(session, SessionFact.unknown(session));
            folded.put(session, current.after(consumed, calendar.rollupOf(consumed.event())));
        }
        List<SessionChange> changes = folded.entrySet().stream()
                .map(entry -> SessionChange.between(
                        stored.getOrDefault(entry.getKey(), SessionFact.unknown(entry.getKey())), entry.getValue()))
                .filter(Objects::nonNull)
                .toList();
        if (!changes.isEmpty()) {
            facts.record(changes);
        }
    }

    private void recordFeedback(List<ConsumedEvent> events) {
        Map<UUID, FeedbackFact> firstRead = new LinkedHashMap<>();
        Map<SessionRef, Set<UUID>> claims = new LinkedHashMap<>();
        for (ConsumedEvent consumed : events) {
            if (consumed.event() instanceof ReceivedFeedback feedback) {
                firstRead.putIfAbsent(feedback.eventId(), FeedbackFact.of(consumed, calendar.rollupOf(feedback)));
                claims.computeIfAbsent(feedback.session(), session -> new LinkedHashSet<>()).add(feedback.eventId());
            }
        }
        if (firstRead.isEmpty()) {
            return;
        }
        // The fact first, then the claim: a void that finds the id on the session always finds its fact.
        facts.recordFeedback(List.copyOf(firstRead.values()));
        facts.claim(claims);
    }

    private Map<RollupKey, List<Contribution>> contributions(List<ConsumedEvent> events) {
        Map<SessionRef, SessionFact> sessions = facts.sessions(sessionsOf(events));
        Set<UUID> needed = new HashSet<>();
        for (ConsumedEvent consumed : events) {
            if (consumed.event() instanceof ReceivedFeedback) {
                needed.add(consumed.event().eventId());
            } else if (consumed.event() instanceof VoidedSession) {
                SessionFact fact = sessions.get(consumed.event().session());
                if (fact != null) {
                    needed.addAll(fact.feedback());
                }
            }
        }
        Map<UUID, FeedbackFact> feedback = needed.isEmpty() ? Map.of() : facts.feedback(needed);
        Map<RollupKey, List<Contribution>> byRollup = new LinkedHashMap<>();
        for (ConsumedEvent consumed : events) {
            SessionRef session = consumed.event().session();
            for (Contribution contribution : sessions.getOrDefault(session, SessionFact.unknown(session))
                    .contributionsOf(consumed, feedback)) {
                byRollup.computeIfAbsent(contribution.rollup(), key -> new ArrayList<>()).add(contribution);
            }
        }
        return byRollup;
    }

    private AppliedBatch applyToRollups(Map<RollupKey, List<Contribution>> byRollup) {
        Set<SourcePosition> counted = new HashSet<>();
        int written = 0;
        int retries = 0;
        Set<RollupKey> pending = byRollup.keySet();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new RollupContention(pending.size());
            }
            Map<RollupKey, Watermarks> current = rollups.watermarks(pending);
            List<RollupChange> changes = pending.stream()
                    .map(key -> RollupChange.plan(key, current.getOrDefault(key, Watermarks.NONE), byRollup.get(key)))
                    .flatMap(Optional::stream)
                    .toList();
            if (changes.isEmpty()) {
                break;
            }
            Set<RollupKey> lost = rollups.apply(changes);
            for (RollupChange change : changes) {
                if (!lost.contains(change.key())) {
                    counted.addAll(change.counted());
                    written++;
                }
            }
            retries += lost.size();
            pending = lost;
        }
        return new AppliedBatch(counted, written, retries);
    }

    private static Set<SessionRef> sessionsOf(List<ConsumedEvent> events) {
        Set<SessionRef> sessions = new LinkedHashSet<>();
        events.forEach(consumed -> sessions.add(consumed.event().session()));
        return sessions;
    }
}
