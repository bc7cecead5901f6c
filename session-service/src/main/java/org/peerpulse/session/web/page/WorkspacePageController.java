package org.peerpulse.session.web.page;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.AgencySettingsChanged.Program;
import org.peerpulse.contracts.AgencySettingsChanged.Specialist;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.pages.PageSecurity;
import org.peerpulse.platform.pages.PageUser;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.session.application.ListSessions;
import org.peerpulse.session.application.LogSession;
import org.peerpulse.session.application.LogSessionCommand;
import org.peerpulse.session.application.LoggedSession;
import org.peerpulse.session.application.ReadDirectory;
import org.peerpulse.session.application.ReissueInvitations;
import org.peerpulse.session.application.VoidSession;
import org.peerpulse.session.application.VoidSessionCommand;
import org.peerpulse.session.domain.AttributionRefusedException;
import org.peerpulse.session.domain.Directory;
import org.peerpulse.session.domain.DirectoryRefusedException;
import org.peerpulse.session.domain.InvalidSessionException;
import org.peerpulse.session.domain.InvitationsReplacedException;
import org.peerpulse.session.domain.Session;
import org.peerpulse.session.domain.SessionAlreadyVoidedException;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.peerpulse.session.domain.SessionSearch;
import org.peerpulse.session.web.FeedbackLinks;
import org.peerpulse.session.web.FeedbackQrCodes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The specialist's workspace: log a session, hand over its links, void it or give it fresh links. Each POST calls
 * the use case the API calls, once; a refused form is shown again with the reason next to its field (400 for
 * what is not valid, 422 for what the directory refuses) and nothing stored. After logging, the browser is sent
 * on to the hand-over (Post/Redirect/Get), so reloading never logs twice.
 */
@Controller
class WorkspacePageController {

    static final int RECENT = 20;
    /** 422: what the directory refuses, as the API answers it. */
    static final int UNPROCESSABLE = 422;
    private static final String SESSION_ID = "[A-Za-z0-9._-]{1,64}";
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LogSession logSession;
    private final ListSessions listSessions;
    private final VoidSession voidSession;
    private final ReissueInvitations reissueInvitations;
    private final ReadDirectory readDirectory;
    private final FeedbackLinks feedbackLinks;
    private final FeedbackQrCodes qrCodes;
    private final WorkspaceLinks workspaceLinks;
    private final Clock clock;

    WorkspacePageController(LogSession logSession, ListSessions listSessions, VoidSession voidSession,
            ReissueInvitations reissueInvitations, ReadDirectory readDirectory, FeedbackLinks feedbackLinks,
            FeedbackQrCodes qrCodes, WorkspaceLinks workspaceLinks, Clock clock) {
        this.logSession = logSession;
        this.listSessions = listSessions;
        this.voidSession = voidSession;
        this.reissueInvitations = reissueInvitations;
        this.readDirectory = readDirectory;
        this.feedbackLinks = feedbackLinks;
        this.qrCodes = qrCodes;
        this.workspaceLinks = workspaceLinks;
        this.clock = clock;
    }

    /** Going back to the workspace ends a hand-over: its links are no longer held anywhere. */
    @GetMapping("/")
    String workspace(@AuthenticationPrincipal OidcUser oidcUser, HttpSession session, Model model) {
        HandOver.forget(session);
        PageUser user = PageUser.of(oidcUser);
        Directory directory = readDirectory.read(user.agencyId());
        LogSessionForm form = new LogSessionForm();
        List<Program> programs = programsFor(user, directory);
        if (!programs.isEmpty()) {
            form.setProgramId(programs.get(0).id());
        }
        form.setOccurredAt(LocalDateTime.now(clock.withZone(zone(directory))).truncatedTo(ChronoUnit.MINUTES)
                .format(LOCAL_MINUTE));
        return show(user, directory, form, model);
    }

    @PostMapping("/sessions")
    String log(@AuthenticationPrincipal OidcUser oidcUser, @Valid @ModelAttribute("form") LogSessionForm form,
            BindingResult errors, HttpSession session, HttpServletResponse response, Model model) {
        PageUser user = PageUser.of(oidcUser);
        Directory directory = readDirectory.read(user.agencyId());
        List<String> strengths = form.strengthTags();
        if (strengths.size() > 20 || strengths.stream().anyMatch(tag -> tag.length() > 40)) {
            errors.rejectValue("strengthsNoted", "invalid", "up to 20 tags of 40 characters, separated by commas");
        }
        LocalDateTime localTime = null;
        if (!errors.hasFieldErrors("occurredAt")) {
            try {
                localTime = LocalDateTime.parse(form.getOccurredAt());
            } catch (DateTimeException e) {
                errors.rejectValue("occurredAt", "invalid", "must be a date and time");
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(user, directory, form, model);
        }
        Caller caller = user.caller();
        LoggedSession logged;
        try {
            logged = logSession.log(new LogSessionCommand(caller.agencyId(), actor(caller), form.getProgramId(),
                    user.hasRole(Caller.QUALITY_LEAD) ? form.getSpecialistId() : caller.specialistId(),
                    form.getParticipantRef(), localTime.atZone(zone(directory)).toInstant(), form.getDurationMinutes(),
                    form.getChannel(), form.getActivity(), form.getFocusAreas(), strengths, form.getValuesPracticed(),
                    form.getAttendees(), null));
        } catch (DirectoryRefusedException e) {
            errors.rejectValue(e.field(), "refused", e.getMessage());
            response.setStatus(UNPROCESSABLE);
            return show(user, directory, form, model);
        } catch (AttributionRefusedException e) {
            errors.rejectValue("specialistId", "refused", "you may log only your own sessions");
            response.setStatus(UNPROCESSABLE);
            return show(user, directory, form, model);
        } catch (InvalidSessionException e) {
            errors.rejectValue(knownField(e.field()), "invalid", e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(user, directory, form, model);
        }
        keep(logged, session);
        return "redirect:/sessions/" + logged.sessionId() + "/handover";
    }

    /** The links, once, on this browser; anyone coming back later is offered fresh links instead. */
    @GetMapping("/sessions/{sessionId}/handover")
    String handOver(@AuthenticationPrincipal OidcUser oidcUser, @PathVariable String sessionId, HttpSession session,
            HttpServletResponse response, Model model) {
        checked(sessionId);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        HandOver held = HandOver.of(session, sessionId);
        PageUser user = PageUser.of(oidcUser);
        model.addAttribute("user", user);
        model.addAttribute("lead", user.hasRole(Caller.QUALITY_LEAD));
        model.addAttribute("metricsPages", workspaceLinks);
        model.addAttribute("sessionId", sessionId);
        // Until when, on the agency's clock, as every other time on these pages.
        ZoneId zone = zone(readDirectory.read(user.agencyId()));
        model.addAttribute("links", held == null ? List.of() : held.links().stream()
                .map(link -> new ShownLink(link.url(), link.url() + "?mode=kiosk", qrCodes.pngDataUri(link.url()),
                        link.expiresAt().atZone(zone).format(SHOWN) + " " + zone.getId()))
                .toList());
        return "handover";
    }

    @Audited("session.reissue")
    @PostMapping("/sessions/{sessionId}/invitations")
    String reissue(@AuthenticationPrincipal OidcUser oidcUser, @PathVariable String sessionId, HttpSession session,
            RedirectAttributes redirect) {
        checked(sessionId);
        Caller caller = PageUser.of(oidcUser).caller();
        try {
            keep(reissueInvitations.reissue(new ReissueInvitations.Command(caller.agencyId(), sessionId,
                    actor(caller))), session);
        } catch (SessionAlreadyVoidedException e) {
            redirect.addFlashAttribute("notice", "notice.alreadyVoided");
            return "redirect:/";
        }
        return "redirect:/sessions/" + sessionId + "/handover";
    }

    @Audited("session.void")
    @PostMapping("/sessions/{sessionId}/void")
    String voidSession(@AuthenticationPrincipal OidcUser oidcUser, @PathVariable String sessionId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        checked(sessionId);
        Caller caller = PageUser.of(oidcUser).caller();
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("notice", "notice.reasonNeeded");
            return "redirect:/";
        }
        try {
            voidSession.voidSession(new VoidSessionCommand(caller.agencyId(), sessionId, actor(caller), reason));
            redirect.addFlashAttribute("notice", "notice.voided");
        } catch (SessionAlreadyVoidedException e) {
            redirect.addFlashAttribute("notice", "notice.alreadyVoided");
        } catch (InvalidSessionException e) {
            redirect.addFlashAttribute("notice", "notice.reasonNeeded");
        }
        return "redirect:/";
    }

    /**
     * Where the security chain sends a signed-in person who is neither a specialist nor a quality lead of an
     * agency, and a form posted without its CSRF token; a POST arrives here as a POST.
     */
    @RequestMapping(PageSecurity.DENIED_PATH)
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "denied";
    }

    @ExceptionHandler(SessionNotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "not-found";
    }

    /** Another specialist's session: the same 403 page the security chain shows. */
    @ExceptionHandler(AttributionRefusedException.class)
    String notYours(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "denied";
    }

    @ExceptionHandler(InvitationsReplacedException.class)
    String replaced() {
        return "redirect:/";
    }

    private String show(PageUser user, Directory directory, LogSessionForm form, Model model) {
        boolean lead = user.hasRole(Caller.QUALITY_LEAD);
        Map<String, String> programNames = directory.programs().stream()
                .collect(Collectors.toMap(Program::id, Program::name));
        SessionSearch recent = new SessionSearch(user.agencyId(), null, lead ? null : user.specialistId(), null, null,
                0, RECENT);
        ZoneId zone = zone(directory);
        List<RecentSession> sessions = user.specialistId() == null && !lead ? List.of()
                : listSessions.list(recent).items().stream()
                        .map(s -> new RecentSession(s.sessionId(),
                                s.details().sessionAt().atZone(zone).format(SHOWN),
                                programNames.getOrDefault(s.details().programId(), s.details().programId()),
                                s.details().specialistId(), s.details().channel(), s.invitations().size(),
                                s.voided()))
                        .toList();
        model.addAttribute("user", user);
        model.addAttribute("lead", lead);
        model.addAttribute("form", form);
        model.addAttribute("programs", programsFor(user, directory));
        model.addAttribute("specialists", lead ? directory.specialists().stream().filter(Specialist::active).toList()
                : List.of());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("activities", Activity.values());
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("values", Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.VALUE).stream()
                .map(FrameworkItem::code).toList());
        model.addAttribute("timeZone", zone.getId());
        model.addAttribute("recent", sessions);
        model.addAttribute("metricsPages", workspaceLinks);
        return "workspace";
    }

    private List<Program> programsFor(PageUser user, Directory directory) {
        if (user.hasRole(Caller.QUALITY_LEAD)) {
            return directory.programs().stream().filter(Program::active).toList();
        }
        return user.specialistId() == null ? List.of() : directory.programsOf(user.specialistId());
    }

    private void keep(LoggedSession logged, HttpSession session) {
        new HandOver(logged.sessionId(), logged.links().stream()
                .map(link -> new HandOver.Link(feedbackLinks.linkFor(link.token()), link.expiresAt()))
                .toList()).keepIn(session);
    }

    private static ZoneId zone(Directory directory) {
        try {
            return ZoneId.of(directory.settings().timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** A field the form has, so the message shows next to it; anything else next to the participant. */
    private static String knownField(String field) {
        return switch (field) {
            case "programId", "specialistId", "participantRef", "occurredAt", "durationMinutes", "channel",
                    "activity", "focusAreas", "strengthsNoted", "valuesPracticed", "attendees" -> field;
            default -> "participantRef";
        };
    }

    private static Session.Actor actor(Caller caller) {
        return new Session.Actor(caller.subject(), caller.hasRole(Caller.QUALITY_LEAD), caller.specialistId());
    }

    private static void checked(String sessionId) {
        if (!sessionId.matches(SESSION_ID)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A session in the list: when, where, how, how many links, and whether it still counts. */
    record RecentSession(String sessionId, String when, String program, String specialistId, Channel channel,
            int attendees, boolean voided) {
    }

    /** A link on the hand-over: the participant's own, the kiosk one, its QR code and when it stops working. */
    record ShownLink(String url, String kioskUrl, String qrCode, String expires) {
    }
}
