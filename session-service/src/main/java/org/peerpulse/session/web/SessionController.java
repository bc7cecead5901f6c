package org.peerpulse.session.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.session.application.GetSession;
import org.peerpulse.session.application.LogSession;
import org.peerpulse.session.application.LogSessionCommand;
import org.peerpulse.session.application.LoggedSession;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Validated
@RequestMapping(path = "/api/v1/sessions", produces = "application/json")
@PreAuthorize("hasAnyRole('specialist', 'quality_lead')")
class SessionController {

    private final LogSession logSession;
    private final GetSession getSession;
    private final FeedbackLinks feedbackLinks;

    SessionController(LogSession logSession, GetSession getSession, FeedbackLinks feedbackLinks) {
        this.logSession = logSession;
        this.getSession = getSession;
        this.feedbackLinks = feedbackLinks;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<SessionLoggedResponse> log(@Valid @RequestBody LogSessionRequest request, Caller caller,
            UriComponentsBuilder uris) {
        LoggedSession logged = logSession.log(new LogSessionCommand(caller.agencyId(), caller.subject(),
                request.programId(), request.specialistId(), request.participantRef(), request.occurredAt(),
                request.durationMinutes(), request.channel(), request.activity(), request.focusAreas(),
                request.strengthsNoted(), request.valuesPracticed()));
        URI location = uris.path("/api/v1/sessions/{id}").buildAndExpand(logged.sessionId()).toUri();
        return ResponseEntity.created(location)
                .cacheControl(CacheControl.noStore())
                .body(new SessionLoggedResponse(logged.sessionId(), new SessionLoggedResponse.Feedback(
                        logged.invitationToken(), feedbackLinks.linkFor(logged.invitationToken()),
                        logged.invitationExpiresAt())));
    }

    @GetMapping("/{sessionId}")
    SessionResponse get(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
            Caller caller) {
        return SessionResponse.of(getSession.get(new GetSession.SessionQuery(caller.agencyId(), sessionId)));
    }
}
