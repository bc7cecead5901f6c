package org.peerpulse.session.web;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.session.application.GetSession;
import org.peerpulse.session.application.ListSessions;
import org.peerpulse.session.application.LogSession;
import org.peerpulse.session.application.LogSessionCommand;
import org.peerpulse.session.application.LoggedSession;
import org.peerpulse.session.application.ReissueInvitations;
import org.peerpulse.session.application.VoidSession;
import org.peerpulse.session.application.VoidSessionCommand;
import org.peerpulse.session.domain.AttributionRefusedException;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Spring MVC's own method validation checks the list's query parameters (it names each rejected one). Path
 * ids and the {@code Idempotency-Key} header are checked by hand: method validation would otherwise take
 * over the body's checks and report the body as one parameter instead of its fields, and its answer would
 * quote a rejected path segment as the problem's {@code instance}.
 */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = "application/json")
@PreAuthorize("hasAnyRole('specialist', 'quality_lead')")
class SessionController {

    private final LogSession logSession;
    private final GetSession getSession;
    private final ListSessions listSessions;
    private final VoidSession voidSession;
    private final ReissueInvitations reissueInvitations;
    private final FeedbackLinks feedbackLinks;
    private final FeedbackQrCodes qrCodes;

    SessionController(LogSession logSession, GetSession getSession, ListSessions listSessions,
            VoidSession voidSession, ReissueInvitations reissueInvitations, FeedbackLinks feedbackLinks,
            FeedbackQrCodes qrCodes) {
        this.logSession = logSession;
        this.getSession = getSession;
        this.listSessions = listSessions;
        this.voidSession = voidSession;
        this.reissueInvitations = reissueInvitations;
        this.feedbackLinks = feedbackLinks;
        this.qrCodes = qrCodes;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SessionLoggedResponse> log(@Valid @RequestBody LogSessionRequest request,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey, Caller caller,
            UriComponentsBuilder uris) {
        LoggedSession logged = logSession.log(new LogSessionCommand(caller.agencyId(), actor(caller),
                request.programId(), request.specialistId(), request.participantRef(), request.occurredAt(),
                request.durationMinutes(), request.channel(), request.activity(), request.focusAreas(),
                request.strengthsNoted(), request.valuesPracticed(), request.attendeesOrOne(),
                IdempotencyKeyHeader.checked(idempotencyKey)));
        URI location = uris.path("/api/v1/sessions/{id}").buildAndExpand(logged.sessionId()).toUri();
        return ResponseEntity.created(location)
                .cacheControl(CacheControl.noStore())
                .body(SessionLoggedResponse.of(logged, feedbackLinks, qrCodes));
    }

    /** Fresh links for every attendee; the unanswered old ones stop working. */
    @Audited("session.reissue")
    @PostMapping("/{sessionId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SessionLoggedResponse> reissue(@PathVariable String sessionId, Caller caller) {
        checkSessionId(sessionId);
        LoggedSession reissued = reissueInvitations.reissue(
                new ReissueInvitations.Command(caller.agencyId(), sessionId, actor(caller)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(SessionLoggedResponse.of(reissued, feedbackLinks, qrCodes));
    }

    @GetMapping("/{sessionId}")
    SessionResponse get(@PathVariable String sessionId, Caller caller) {
        checkSessionId(sessionId);
        return SessionResponse.of(getSession.get(new GetSession.SessionQuery(caller.agencyId(), sessionId,
                ownSpecialist(caller, null))));
    }

    @GetMapping
    SessionListResponse list(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String programId,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String specialistId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = SessionSearch.MAX_PAGE_SIZE, message = "must be between 1 and 100") int size,
            Caller caller) {
        String attributed = ownSpecialist(caller, specialistId);
        SessionSearch search = new SessionSearch(caller.agencyId(), programId,
                attributed == null ? specialistId : attributed, from, to, page, size);
        return SessionListResponse.of(listSessions.list(search), page, size);
    }

    @Audited("session.void")
    @PostMapping(path = "/{sessionId}/void", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> voidSession(@PathVariable String sessionId, @Valid @RequestBody VoidSessionRequest request,
            Caller caller) {
        checkSessionId(sessionId);
        voidSession.voidSession(new VoidSessionCommand(caller.agencyId(), sessionId, actor(caller),
                request.reason()));
        return ResponseEntity.noContent().build();
    }

    private static Session.Actor actor(Caller caller) {
        return new Session.Actor(caller.subject(), caller.hasRole(Caller.QUALITY_LEAD), caller.specialistId());
    }

    /**
     * A quality lead reads the whole agency's sessions ({@code null}); a specialist only those attributed to
     * them, and asking for another specialist's is refused.
     */
    private static String ownSpecialist(Caller caller, String asked) {
        if (caller.hasRole(Caller.QUALITY_LEAD)) {
            return null;
        }
        if (caller.specialistId() == null || (asked != null && !asked.equals(caller.specialistId()))) {
            throw new AttributionRefusedException();
        }
        return caller.specialistId();
    }

    private static void checkSessionId(String sessionId) {
        if (!sessionId.matches(Ids.PATTERN)) {
            throw new BadParameterException("sessionId", Ids.MESSAGE);
        }
    }
}
