package org.peerpulse.session.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.session.domain.Idempotency;
import org.peerpulse.session.domain.IdempotencyKeyReusedException;
import org.peerpulse.session.domain.IdempotencyKeys;
import org.peerpulse.session.domain.InvitationToken;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionDetails;
import org.peerpulse.session.domain.Sessions;

/**
 * Logs a session, issues its invitation and stores both with the SessionLogged event in one write. With a
 * retry key the same request is answered the same way every time, with one session and one event: the
 * first write under the key wins (the store refuses a second), and every other attempt answers from it.
 */
public class LogSession {

    private final Sessions sessions;
    private final ParticipantPseudonyms pseudonyms;
    private final IdempotencyKeys idempotencyKeys;
    private final InvitationPolicy policy;
    private final Clock clock;

    public LogSession(Sessions sessions, ParticipantPseudonyms pseudonyms, IdempotencyKeys idempotencyKeys,
            InvitationPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.pseudonyms = pseudonyms;
        this.idempotencyKeys = idempotencyKeys;
        this.policy = policy;
        this.clock = clock;
    }

    public LoggedSession log(LogSessionCommand command) {
        QualityFramework framework = Frameworks.PEER_CORE_V1;
        SessionDetails details = SessionDetails.of(command.agencyId(), command.programId(), command.specialistId(),
                pseudonyms.pseudonymFor(command.agencyId(), command.participantRef()), command.occurredAt(),
                command.durationMinutes(), command.channel(), command.activity(), command.focusAreas(),
                command.strengthsNoted(), command.valuesPracticed(), framework, command.loggedBy());
        // Stored times keep milliseconds; a repeated answer must show exactly the first one's.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String key = command.idempotencyKey();
        if (key == null) {
            InvitationToken token = InvitationToken.issue(now);
            Session.Logged logged = Session.log(details, token, policy.invitationTtl(), policy.maxSessionAge(), now,
                    EventIds.newId(clock), EventIds.newId(clock));
            sessions.add(logged.session(), logged.event());
            return new LoggedSession(logged.session().sessionId(), token.value(),
                    logged.session().invitationExpiresAt());
        }
        Idempotency idempotency = new Idempotency(idempotencyKeys.hashOf(command.agencyId(), key),
                details.fingerprint());
        Optional<Session> earlier = sessions.findByIdempotencyKey(command.agencyId(), idempotency.keyHash());
        if (earlier.isPresent()) {
            return repeat(earlier.get(), idempotency, key);
        }
        InvitationToken token = idempotencyKeys.tokenFor(command.agencyId(), key, now);
        Session.Logged logged = Session.log(details, token, policy.invitationTtl(), policy.maxSessionAge(), now,
                EventIds.newId(clock), EventIds.newId(clock), idempotency);
        if (sessions.add(logged.session(), logged.event())) {
            return new LoggedSession(logged.session().sessionId(), token.value(),
                    logged.session().invitationExpiresAt());
        }
        // A concurrent attempt with the same key stored first: answer as it did.
        Session winner = sessions.findByIdempotencyKey(command.agencyId(), idempotency.keyHash())
                .orElseThrow(() -> new IllegalStateException("the store refused a retry key it does not hold"));
        return repeat(winner, idempotency, key);
    }

    private LoggedSession repeat(Session earlier, Idempotency request, String key) {
        if (!earlier.idempotency().requestFingerprint().equals(request.requestFingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        InvitationToken token = idempotencyKeys.tokenFor(earlier.agencyId(), key, earlier.loggedAt());
        if (!token.hash().equals(earlier.invitationTokenHash())) {
            // The deployment's invitation key changed since: the first answer cannot be rebuilt.
            throw new IllegalStateException("the invitation of a remembered session cannot be rebuilt");
        }
        return new LoggedSession(earlier.sessionId(), token.value(), earlier.invitationExpiresAt());
    }
}
