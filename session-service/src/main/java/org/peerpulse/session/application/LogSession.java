package org.peerpulse.session.application;

import java.time.Clock;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.session.domain.InvitationToken;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionDetails;
import org.peerpulse.session.domain.Sessions;

/** Logs a session, issues its invitation and stores both with the SessionLogged event in one write. */
public class LogSession {

    private final Sessions sessions;
    private final ParticipantPseudonyms pseudonyms;
    private final InvitationPolicy policy;
    private final Clock clock;

    public LogSession(Sessions sessions, ParticipantPseudonyms pseudonyms, InvitationPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.pseudonyms = pseudonyms;
        this.policy = policy;
        this.clock = clock;
    }

    public LoggedSession log(LogSessionCommand command) {
        QualityFramework framework = Frameworks.PEER_CORE_V1;
        SessionDetails details = SessionDetails.of(command.agencyId(), command.programId(), command.specialistId(),
                pseudonyms.pseudonymFor(command.agencyId(), command.participantRef()), command.occurredAt(),
                command.durationMinutes(), command.channel(), command.activity(), command.focusAreas(),
                command.strengthsNoted(), command.valuesPracticed(), framework, command.loggedBy());
        InvitationToken token = InvitationToken.issue(clock.instant());
        Session.Logged logged = Session.log(details, token, policy.invitationTtl(), policy.maxSessionAge(),
                clock.instant(), EventIds.newId(clock), EventIds.newId(clock));
        sessions.add(logged.session(), logged.event());
        return new LoggedSession(logged.session().sessionId(), token.value(), logged.session().invitationExpiresAt());
    }
}
