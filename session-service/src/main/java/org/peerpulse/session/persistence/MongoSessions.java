package org.peerpulse.session.persistence;

import java.util.List;
import java.util.Optional;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionDetails;
import org.peerpulse.session.domain.Sessions;
import org.peerpulse.session.messaging.SessionEventOutbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** {@link Sessions} on MongoDB. */
public class MongoSessions implements Sessions {

    private final MongoTemplate mongo;
    private final SessionEventOutbox outbox;

    public MongoSessions(MongoTemplate mongo, SessionEventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void add(Session session, SessionLogged logged) {
        mongo.insert(toDocument(session, List.of(logged)));
    }

    @Override
    public Optional<Session> find(String agencyId, String sessionId) {
        Query query = Query.query(Criteria.where("_id").is(sessionId).and("agencyId").is(agencyId));
        return Optional.ofNullable(mongo.findOne(query, SessionDocument.class)).map(MongoSessions::toSession);
    }

    private SessionDocument toDocument(Session session, List<SessionLogged> events) {
        SessionDetails details = session.details();
        return new SessionDocument(session.sessionId(), details.agencyId(), details.programId(),
                details.specialistId(), details.participantPseudonym(), details.sessionAt(),
                details.durationMinutes(), details.channel().name(), details.activity().name(),
                details.focusAreas().stream().map(FocusArea::name).toList(), details.strengthsNoted(),
                details.valuesPracticed(), details.framework().id(), details.framework().version(),
                session.invitationTokenHash(), session.invitationExpiresAt(), session.loggedAt(), details.loggedBy(),
                events.stream().map(outbox::entryFor).toList(), !events.isEmpty());
    }

    private static Session toSession(SessionDocument document) {
        SessionDetails details = new SessionDetails(document.agencyId(), document.programId(),
                document.specialistId(), document.participantPseudonym(), document.sessionAt(),
                document.durationMinutes(), Channel.valueOf(document.channel()), Activity.valueOf(document.activity()),
                document.focusAreas().stream().map(FocusArea::valueOf).toList(), document.strengthsNoted(),
                document.valuesPracticed(), new FrameworkRef(document.frameworkId(), document.frameworkVersion()),
                document.loggedBy());
        return new Session(document.id(), details, document.invitationTokenHash(), document.invitationExpiresAt(),
                document.loggedAt());
    }
}
