package org.peerpulse.indicators.persistence;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.peerpulse.indicators.domain.Cell;
import org.peerpulse.indicators.domain.FeedbackFact;
import org.peerpulse.indicators.domain.RecordedEvent;
import org.peerpulse.indicators.domain.RollupKey;
import org.peerpulse.indicators.domain.SessionFact;
import org.peerpulse.indicators.domain.SessionRef;
import org.peerpulse.indicators.domain.SourcePosition;

/**
 * The Mongo shapes of the facts. Event ids are stored as strings, so the shape does not depend on a
 * driver's UUID representation; counts use the rollup's field names.
 */
final class FactDocuments {

    static final String SESSIONS = "session_facts";
    static final String FEEDBACK = "feedback_facts";

    static final String ID = "_id";
    static final String AGENCY = "agencyId";
    static final String SESSION = "sessionId";
    static final String LOGGED = "logged";
    static final String VOIDED = "voided";
    static final String FEEDBACK_IDS = "feedback";
    static final String COUNTED = "counted";
    static final String EVENT_ID = "eventId";
    static final String POSITION = "position";
    static final String PROGRAM = "programId";
    static final String SPECIALIST = "specialistId";
    static final String DAY = "day";
    static final String COUNTS = "counts";

    private FactDocuments() {
    }

    static Document logged(SessionFact.Logged logged) {
        return recorded(logged.event()).append(COUNTED, logged.counted());
    }

    static Document voided(SessionFact.Voided voided) {
        return new Document(EVENT_ID, voided.eventId().toString()).append(POSITION, position(voided.position()));
    }

    /** The feedback fact's fields other than its id (the event id). */
    static Document feedback(FeedbackFact fact) {
        return new Document(AGENCY, fact.session().agencyId()).append(SESSION, fact.session().sessionId())
                .append(POSITION, position(fact.event().position()))
                .append(PROGRAM, fact.event().rollup().cell().programId())
                .append(SPECIALIST, fact.event().rollup().cell().specialistId())
                .append(DAY, fact.event().rollup().day().toString())
                .append(COUNTS, RollupDocument.countsDocument(fact.event().counts()));
    }

    static SessionFact toSessionFact(Document document) {
        SessionRef session = new SessionRef(document.getString(AGENCY), document.getString(SESSION));
        Document logged = document.get(LOGGED, Document.class);
        Document voided = document.get(VOIDED, Document.class);
        Set<UUID> feedback = new HashSet<>();
        List<?> ids = document.get(FEEDBACK_IDS, List.class);
        if (ids != null) {
            ids.forEach(id -> feedback.add(UUID.fromString((String) id)));
        }
        return new SessionFact(session,
                logged == null ? null : new SessionFact.Logged(toRecorded(session.agencyId(), logged),
                        logged.getBoolean(COUNTED, false)),
                voided == null ? null : new SessionFact.Voided(UUID.fromString(voided.getString(EVENT_ID)),
                        toPosition(voided.get(POSITION, Document.class))),
                feedback);
    }

    static FeedbackFact toFeedbackFact(Document document) {
        SessionRef session = new SessionRef(document.getString(AGENCY), document.getString(SESSION));
        Document recorded = new Document(document).append(EVENT_ID, document.getString(ID));
        return new FeedbackFact(session, toRecorded(session.agencyId(), recorded));
    }

    private static Document recorded(RecordedEvent event) {
        return new Document(EVENT_ID, event.eventId().toString())
                .append(POSITION, position(event.position()))
                .append(PROGRAM, event.rollup().cell().programId())
                .append(SPECIALIST, event.rollup().cell().specialistId())
                .append(DAY, event.rollup().day().toString())
                .append(COUNTS, RollupDocument.countsDocument(event.counts()));
    }

    private static RecordedEvent toRecorded(String agencyId, Document document) {
        RollupKey rollup = new RollupKey(
                new Cell(agencyId, document.getString(PROGRAM), document.getString(SPECIALIST)),
                LocalDate.parse(document.getString(DAY)));
        Document counts = document.get(COUNTS, Document.class);
        return new RecordedEvent(UUID.fromString(document.getString(EVENT_ID)),
                toPosition(document.get(POSITION, Document.class)), rollup,
                RollupDocument.counts(counts == null ? new Document() : counts));
    }

    private static Document position(SourcePosition position) {
        return new Document("topic", position.partition().topic())
                .append("partition", position.partition().partition())
                .append("offset", position.offset());
    }

    private static SourcePosition toPosition(Document document) {
        return SourcePosition.of(document.getString("topic"), ((Number) document.get("partition")).intValue(),
                ((Number) document.get("offset")).longValue());
    }
}
