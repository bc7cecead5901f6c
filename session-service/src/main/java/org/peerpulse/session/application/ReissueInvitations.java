package org.peerpulse.session.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.peerpulse.contracts.EventIds;
import org.peerpulse.session.domain.InvitationToken;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.peerpulse.session.domain.Sessions;

/**
 * Fresh links for a session whose participant lost theirs: one per attendee, stored with the
 * InvitationsReissued event in one write that holds only if no void or other reissue came first. The old
 * unanswered links stop working once feedback-service learns of it.
 */
public class ReissueInvitations {

    private static final int TRIES = 5;

    private final Sessions sessions;
    private final InvitationPolicy policy;
    private final Clock clock;

    public ReissueInvitations(Sessions sessions, InvitationPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    public LoggedSession reissue(Command command) {
        // Another reissue of the same session stored in between: replace what it issued.
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Session session = sessions.find(command.agencyId(), command.sessionId())
                    .orElseThrow(SessionNotFoundException::new);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<InvitationToken> tokens = Stream.generate(() -> InvitationToken.issue(now))
                    .limit(session.invitations().size()).toList();
            Session.Reissued reissued = session.reissue(command.actor(), tokens, policy.invitationTtl(), now,
                    EventIds.newId(clock));
            if (sessions.replaceInvitations(reissued)) {
                List<LoggedSession.IssuedLink> links = new ArrayList<>();
                for (int slot = 0; slot < tokens.size(); slot++) {
                    links.add(new LoggedSession.IssuedLink(tokens.get(slot).value(),
                            reissued.session().invitations().get(slot).expiresAt()));
                }
                return new LoggedSession(session.sessionId(), links);
            }
        }
        throw new IllegalStateException("the session's links kept changing under " + TRIES + " tries");
    }

    public record Command(String agencyId, String sessionId, Session.Actor actor) {
        public Command {
            Objects.requireNonNull(agencyId, "agencyId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
