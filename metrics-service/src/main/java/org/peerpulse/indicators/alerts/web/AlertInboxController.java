package org.peerpulse.indicators.alerts.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.peerpulse.indicators.alerts.application.AcknowledgeAlert;
import org.peerpulse.indicators.alerts.application.AlertCommand;
import org.peerpulse.indicators.alerts.application.AlertQuery;
import org.peerpulse.indicators.alerts.application.ListAlerts;
import org.peerpulse.indicators.alerts.application.ResolveAlert;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertChange;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertNotFound;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.AlertTransitionRefused;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.InvalidAlertRequest;
import org.peerpulse.indicators.dashboards.web.Lead;
import org.peerpulse.platform.audit.Audited;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quality lead's alert inbox on the page: the agency's alerts newest first, with acknowledge and
 * resolve as plain forms (POST with the CSRF token, then a redirect back), through the same use cases as
 * the alerts API. Who acted is the signed-in lead, written into the alert's history.
 */
@Controller
class AlertInboxController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int PAGE_SIZE = 50;

    private final ListAlerts listAlerts;
    private final AcknowledgeAlert acknowledgeAlert;
    private final ResolveAlert resolveAlert;
    private final HarmReportPages harmReports;

    AlertInboxController(ListAlerts listAlerts, AcknowledgeAlert acknowledgeAlert, ResolveAlert resolveAlert,
            HarmReportPages harmReports) {
        this.listAlerts = listAlerts;
        this.acknowledgeAlert = acknowledgeAlert;
        this.resolveAlert = resolveAlert;
        this.harmReports = harmReports;
    }

    /**
     * One alert as the inbox lists it.
     *
     * @param notice where its webhook notification stands, in words
     * @param words for a harm report, the link to the participant's own words on feedback-service; else empty
     */
    record AlertRow(String id, String what, String where, String session, String openedAt, String state,
            String lastChange, boolean canAcknowledge, boolean canResolve, String notice, String words) {
    }

    @GetMapping("/alerts")
    String inbox(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String state, Model model) {
        Lead lead = Lead.of(user);
        AlertState only = state == null || state.isBlank() ? null : AlertState.parse(state, "state");
        List<AlertRow> rows = listAlerts.list(new AlertQuery(lead.agencyId(), only, 0, PAGE_SIZE)).items().stream()
                .map(this::row).toList();
        model.addAttribute("lead", lead);
        model.addAttribute("alerts", rows);
        model.addAttribute("state", only == null ? "" : only.label());
        return "alerts";
    }

    @Audited("alert.acknowledge")
    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal OidcUser user, @PathVariable String id, RedirectAttributes redirect) {
        Lead lead = Lead.of(user);
        acknowledgeAlert.acknowledge(new AlertCommand(lead.agencyId(), alertId(id), lead.subject()));
        redirect.addFlashAttribute("done", "Acknowledged: the alert stays in the inbox until it is resolved.");
        return "redirect:/alerts";
    }

    @Audited("alert.resolve")
    @PostMapping("/alerts/{id}/resolve")
    String resolve(@AuthenticationPrincipal OidcUser user, @PathVariable String id, RedirectAttributes redirect) {
        Lead lead = Lead.of(user);
        resolveAlert.resolve(new AlertCommand(lead.agencyId(), alertId(id), lead.subject()));
        redirect.addFlashAttribute("done", "Resolved.");
        return "redirect:/alerts";
    }

    /** Another agency's alert, or none at all: the same answer, so ids tell nothing. */
    @ExceptionHandler({AlertNotFound.class, ResponseStatusException.class})
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "not-found";
    }

    /** Someone else moved it first (two leads, or a second tab): say so and show where it stands now. */
    @ExceptionHandler(AlertTransitionRefused.class)
    String refused(RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", "That alert had already moved on; here is where it stands now.");
        return "redirect:/alerts";
    }

    @ExceptionHandler(InvalidAlertRequest.class)
    String invalid() {
        return "redirect:/alerts";
    }

    private static UUID alertId(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private AlertRow row(Alert alert) {
        String what = switch (alert.kind()) {
            case HARM_REPORT -> "A participant reported harm";
            case VALUES_INDEX_BELOW_FLOOR -> String.format(Locale.ROOT, "Values index %.1f, below the floor of %.1f",
                    alert.index(), alert.floor());
            case TRUST_INDEX_BELOW_FLOOR -> String.format(Locale.ROOT, "TRUST index %.1f, below the floor of %.1f",
                    alert.index(), alert.floor());
            case ITEM_MEAN_FELL -> String.format(Locale.ROOT, "%s fell from %.2f to %.2f against the 30 days before",
                    alert.item(), alert.previous(), alert.index());
            case VALUES_INDEX_FELL -> String.format(Locale.ROOT,
                    "Values index fell from %.1f to %.1f against the 30 days before", alert.previous(), alert.index());
            case TRUST_INDEX_FELL -> String.format(Locale.ROOT,
                    "TRUST index fell from %.1f to %.1f against the 30 days before", alert.previous(), alert.index());
        };
        String where = alert.programId() == null
                ? (alert.specialistId() == null ? "Whole agency" : "Specialist " + alert.specialistId())
                : alert.specialistId() == null ? alert.programId() : alert.programId() + " · " + alert.specialistId();
        String session = alert.sessionDate() == null ? "" : "Session of " + alert.sessionDate();
        AlertChange last = alert.history().get(alert.history().size() - 1);
        String lastChange = alert.history().size() == 1 ? ""
                : alert.state().label().substring(0, 1).toUpperCase(Locale.ROOT) + alert.state().label().substring(1)
                        + " by " + last.by() + ", " + WHEN.format(last.at());
        return new AlertRow(alert.id().toString(), what, where, session, WHEN.format(alert.openedAt()),
                alert.state().label(), lastChange, alert.state().canMoveTo(AlertState.ACKNOWLEDGED),
                alert.state().canMoveTo(AlertState.RESOLVED), notice(alert.delivery()),
                alert.kind() == AlertKind.HARM_REPORT ? harmReports.of(alert.id()) : "");
    }

    private static String notice(Delivery delivery) {
        String attempts = delivery.attempts() == 1 ? "1 try" : delivery.attempts() + " tries";
        String status = delivery.lastStatus() == null ? "no answer" : "HTTP " + delivery.lastStatus();
        return switch (delivery.state()) {
            case NOT_CONFIGURED -> "Webhook: not configured";
            case PENDING -> delivery.attempts() == 0 ? "Webhook: sending"
                    : "Webhook: retrying (" + attempts + ", last " + status + ")";
            case DELIVERED -> "Webhook: delivered " + WHEN.format(delivery.lastAttemptAt()) + " (" + attempts + ")";
            case FAILED -> "Webhook: failed (" + attempts + ", last " + status + ")";
        };
    }
}
