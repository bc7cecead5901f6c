package org.peerpulse.indicators.alerts.web;

import java.util.UUID;

import org.peerpulse.indicators.alerts.application.AcknowledgeAlert;
import org.peerpulse.indicators.alerts.application.AlertCommand;
import org.peerpulse.indicators.alerts.application.AlertQuery;
import org.peerpulse.indicators.alerts.application.ListAlerts;
import org.peerpulse.indicators.alerts.application.ReadWebhook;
import org.peerpulse.indicators.alerts.application.ResolveAlert;
import org.peerpulse.indicators.alerts.domain.AlertNotFound;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert inbox of quality leads: their own agency's alerts (the agency comes from the token only, so
 * another agency's alert id is simply not found) and the two changes they can make. Specialists get 403:
 * a harm report about them is not theirs to see or close.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final ListAlerts listAlerts;
    private final AcknowledgeAlert acknowledgeAlert;
    private final ResolveAlert resolveAlert;
    private final ReadWebhook readWebhook;

    AlertController(ListAlerts listAlerts, AcknowledgeAlert acknowledgeAlert, ResolveAlert resolveAlert,
            ReadWebhook readWebhook) {
        this.listAlerts = listAlerts;
        this.acknowledgeAlert = acknowledgeAlert;
        this.resolveAlert = resolveAlert;
        this.readWebhook = readWebhook;
    }

    /** The agency's webhook URL and signing secret: a secret, so audited and never cached. */
    @Audited("alert.webhook.read")
    @GetMapping("/webhook")
    ResponseEntity<WebhookResponse> webhook(Caller caller) {
        requireQualityLead(caller);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(WebhookResponse.of(readWebhook.read(caller.agencyId())));
    }

    @GetMapping
    ResponseEntity<AlertListResponse> list(Caller caller, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + AlertQuery.DEFAULT_PAGE_SIZE) int size) {
        requireQualityLead(caller);
        AlertQuery query = new AlertQuery(caller.agencyId(), state == null ? null : AlertState.parse(state, "state"),
                page, size);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(AlertListResponse.of(listAlerts.list(query)));
    }

    @Audited("alert.acknowledge")
    @PostMapping("/{id}/acknowledge")
    ResponseEntity<AlertResponse> acknowledge(Caller caller, @PathVariable String id) {
        requireQualityLead(caller);
        return answer(AlertResponse.of(acknowledgeAlert.acknowledge(command(caller, id))));
    }

    @Audited("alert.resolve")
    @PostMapping("/{id}/resolve")
    ResponseEntity<AlertResponse> resolve(Caller caller, @PathVariable String id) {
        requireQualityLead(caller);
        return answer(AlertResponse.of(resolveAlert.resolve(command(caller, id))));
    }

    private static void requireQualityLead(Caller caller) {
        if (!caller.hasRole(Caller.QUALITY_LEAD)) {
            throw new AccessDeniedException("quality leads only");
        }
    }

    /** An id that is not a UUID cannot name an alert: not found, like any other unknown id. */
    private static AlertCommand command(Caller caller, String id) {
        UUID alertId;
        try {
            alertId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new AlertNotFound();
        }
        return new AlertCommand(caller.agencyId(), alertId, caller.subject());
    }

    private static ResponseEntity<AlertResponse> answer(AlertResponse alert) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(alert);
    }
}
