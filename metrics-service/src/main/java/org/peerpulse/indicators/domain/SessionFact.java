package org.peerpulse.indicators.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everything the indicators know about one session, and the rules of what each of its events counts.
 *
 * <p>The session stream writes {@code logged} and {@code voided}, each once (the first event wins); the
 * feedback stream adds the ids of feedback it counts to {@code feedback}, but only while the session is
 * not voided. Both happen on this one record, atomically, so whichever stream is first, the void and the
 * feedback agree: a feedback counts exactly when its id made it into {@code feedback}, and the void takes
 * out exactly the feedback listed there. Once voided, the list never changes again.
 *
 * @param logged the session as logged, or {@code null} while its event has not arrived
 * @param voided the void, or {@code null}
 * @param feedback ids of the feedback counted for this session
 */
public record SessionFact(SessionRef session, Logged logged, Voided voided, Set<UUID> feedback) {

    /**
     * @param counted whether the session was counted: not when its void was recorded before it (a void
     *     read first can then never take out something that was never put in)
     */
    public record Logged(RecordedEvent event, boolean counted) {

        public Logged {
            Objects.requireNonNull(event, "event");
        }
    }

    public record Voided(UUID eventId, SourcePosition position) {

        public Voided {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(position, "position");
        }

        boolean isFrom(ConsumedEvent consumed) {
            return eventId.equals(consumed.event().eventId()) && position.equals(consumed.position());
        }
    }

    public SessionFact {
        Objects.requireNonNull(session, "session");
        feedback = Set.copyOf(feedback == null ? Set.of() : feedback);
    }

    public static SessionFact unknown(SessionRef session) {
        return new SessionFact(session, null, null, Set.of());
    }

    public boolean isVoided() {
        return voided != null;
    }

    /**
     * This fact after one more event of the session stream (read in offset order). The first logged
     * event and the first void are kept; any later one, a copy at a new offset included, changes nothing.
     */
    public SessionFact after(ConsumedEvent consumed, RollupKey rollup) {
        IndicatorEvent event = consumed.event();
        if (event instanceof LoggedSession && logged == null) {
            return new SessionFact(session, new Logged(
                    new RecordedEvent(event.eventId(), consumed.position(), rollup, event.counts()), !isVoided()),
                    voided, feedback);
        }
        if (event instanceof VoidedSession && voided == null) {
            return new SessionFact(session, logged, new Voided(event.eventId(), consumed.position()), feedback);
        }
        return this;
    }

    /**
     * What {@code consumed} changes in the rollups, decided from the stored facts alone, so a redelivery
     * of the same record decides the same again:
     * <ul>
     * <li>a logged session adds its counts if it is the recorded one and was counted;</li>
     * <li>a feedback adds its counts if it is the recorded one and its id is in {@code feedback};</li>
     * <li>the recorded void takes out the counted session and every feedback in {@code feedback}, each in
     * the rollup it was added to.</li>
     * </ul>
     * Anything else (a copy at a new offset, a second void, feedback for a voided session) changes nothing.
     *
     * @param feedbackFacts the recorded feedback by event id: at least this event's and this session's
     */
    public List<Contribution> contributionsOf(ConsumedEvent consumed, Map<UUID, FeedbackFact> feedbackFacts) {
        IndicatorEvent event = consumed.event();
        if (!event.session().equals(session)) {
            throw new IllegalArgumentException("the event is not of this session");
        }
        List<Contribution> contributions = new ArrayList<>();
        if (event instanceof LoggedSession) {
            if (logged != null && logged.counted() && logged.event().isFrom(consumed)) {
                contributions.add(added(logged.event(), consumed));
            }
        } else if (event instanceof ReceivedFeedback) {
            FeedbackFact fact = feedbackFacts.get(event.eventId());
            if (fact != null && fact.session().equals(session) && fact.event().isFrom(consumed)
                    && feedback.contains(event.eventId())) {
                contributions.add(added(fact.event(), consumed));
            }
        } else if (voided != null && voided.isFrom(consumed)) {
            if (logged != null && logged.counted()) {
                contributions.add(takenOut(logged.event(), consumed));
            }
            for (UUID id : new TreeSet<>(feedback)) {
                FeedbackFact fact = feedbackFacts.get(id);
                if (fact == null) {
                    // A feedback id is only listed after its fact was stored; never true unless broken.
                    throw new IllegalStateException("a counted feedback of a voided session has no fact");
                }
                contributions.add(takenOut(fact.event(), consumed));
            }
        }
        return contributions;
    }

    private static Contribution added(RecordedEvent recorded, ConsumedEvent consumed) {
        return new Contribution(recorded.rollup(), consumed.position(), recorded.counts());
    }

    private static Contribution takenOut(RecordedEvent recorded, ConsumedEvent consumed) {
        return new Contribution(recorded.rollup(), consumed.position(), recorded.counts().negated());
    }
}
