package org.peerpulse.session.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.session.domain.AttributionRefusedException;
import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.DirectoryRefusedException;
import org.peerpulse.session.domain.Idempotency;
import org.peerpulse.session.domain.IdempotencyKeyReusedException;
import org.peerpulse.session.domain.IdempotencyKeys;
import org.peerpulse.session.domain.InvitationToken;
import org.peerpulse.session.domain.InvitationsReplacedException;
import org.peerpulse.session.domain.ParticipantPseudonyms;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionDetails;
import org.peerpulse.session.domain.Sessions;

/**
 * Logs a session, issues its invitations (one per attendee) and stores them with the SessionLogged event in
 * one write. Who the session is attributed to comes from the caller: a specialist logs only as themselves, a
 * quality lead for an active specialist; the program must be an active one the specialist works in. With a
 * retry key the same request is answered the same way every time, with one session and one event: the
 * first write under the key wins (the store refuses a second), and every other attempt answers from it.
 */
public class LogSession {

    private final Sessions sessions;
    private final Directories directories;
    private final ParticipantPseudonyms pseudonyms;
    private final IdempotencyKeys idempotencyKeys;
    private final InvitationPolicy policy;
    private final Clock clock;

    public LogSession(Sessions sessions, Directories directories, ParticipantPseudonyms pseudonyms,
            IdempotencyKeys idempotencyKeys, InvitationPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.directories = directories;
        this.pseudonyms = pseudonyms;
        this.idempotencyKeys = idempotencyKeys;
        this.policy = policy;
        this.clock = clock;
    }

    public LoggedSession log(LogSessionCommand command) {
        Session.requireAttendees(command.attendees());
        String specialistId = attributedTo(command);
        directories.of(command.agencyId()).attribute(specialistId, command.programId());
        QualityFramework framework = Frameworks.PEER_CORE_V1;
        SessionDetails details = SessionDetails.of(command.agencyId(), command.programId(), specialistId,
                pseudonyms.pseudonymFor(command.agencyId(), command.participantRef()), command.occurredAt(),
                command.durationMinutes(), command.channel(), command.activity(), command.focusAreas(),
                command.strengthsNoted(), command.valuesPracticed(), framework, command.actor().subject());
        // Stored times keep milliseconds; a repeated answer must show exactly the first one's.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String key = command.idempotencyKey();
        if (key == null) {
            List<InvitationToken> tokens = Stream.generate(() -> InvitationToken.issue(now))
                    .limit(command.attendees()).toList();
            Session.Logged logged = Session.log(details, tokens, policy.invitationTtl(), policy.maxSessionAge(), now,
                    EventIds.newId(clock), EventIds.newId(clock));
            sessions.add(logged.session(), logged.event());
            return answer(logged.session(), tokens);
        }
        Idempotency idempotency = new Idempotency(idempotencyKeys.hashOf(command.agencyId(), key),
                details.fingerprint(command.attendees()));
        Optional<Session> earlier = sessions.findByIdempotencyKey(command.agencyId(), idempotency.keyHash());
        if (earlier.isPresent()) {
            return repeat(earlier.get(), idempotency, key);
        }
        List<InvitationToken> tokens = idempotencyKeys.tokensFor(command.agencyId(), key, now, command.attendees());
        Session.Logged logged = Session.log(details, tokens, policy.invitationTtl(), policy.maxSessionAge(), now,
                EventIds.newId(clock), EventIds.newId(clock), idempotency);
        if (sessions.add(logged.session(), logged.event())) {
            return answer(logged.session(), tokens);
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
        List<InvitationToken> tokens = idempotencyKeys.tokensFor(earlier.agencyId(), key, earlier.loggedAt(),
                earlier.invitations().size());
        if (!tokens.stream().map(InvitationToken::hash).toList()
                .equals(earlier.invitations().stream().map(Session.Invitation::tokenHash).toList())) {
            // The links were replaced since (or the deployment's invitation key changed): the first answer no
            // longer holds, and the new links were shown only to whoever asked for them.
            throw new InvitationsReplacedException();
        }
        return answer(earlier, tokens);
    }

    /**
     * A specialist acts only as the specialist their token names, and may leave the id out; a quality lead
     * names the specialist.
     */
    private static String attributedTo(LogSessionCommand command) {
        Session.Actor actor = command.actor();
        if (actor.qualityLead()) {
            if (command.specialistId() == null) {
                throw new DirectoryRefusedException("specialistId", "is required when a quality lead logs a session");
            }
            return command.specialistId();
        }
        if (actor.specialistId() == null
                || (command.specialistId() != null && !command.specialistId().equals(actor.specialistId()))) {
            throw new AttributionRefusedException();
        }
        return actor.specialistId();
    }

    private static LoggedSession answer(Session session, List<InvitationToken> tokens) {
        List<LoggedSession.IssuedLink> links = new ArrayList<>();
        for (int slot = 0; slot < tokens.size(); slot++) {
            links.add(new LoggedSession.IssuedLink(tokens.get(slot).value(),
                    session.invitations().get(slot).expiresAt()));
        }
        return new LoggedSession(session.sessionId(), links);
    }
}
