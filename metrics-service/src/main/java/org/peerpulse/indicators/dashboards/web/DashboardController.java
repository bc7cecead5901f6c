package org.peerpulse.indicators.dashboards.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;
import org.peerpulse.indicators.dashboards.application.DashboardQuery;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.domain.Dashboard;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.Scope;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dashboards of the caller's own agency, for quality leads, answered from rollups only, with small cells
 * hidden as the agency's {@code Disclosure} decides. A specialist's own view needs a link from their token
 * to their specialist id, and must leave harm reports out; until then specialists get 403.
 */
@RestController
@RequestMapping("/api/v1/dashboards")
class DashboardController {

    /** Ids as the producers mint them; anything else cannot have rollups and is refused early. */
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}";

    private final ReadDashboard readDashboard;
    private final DashboardMeters meters;

    DashboardController(ReadDashboard readDashboard, DashboardMeters meters) {
        this.readDashboard = readDashboard;
        this.meters = meters;
    }

    @Audited("dashboard.view")
    @GetMapping("/agency")
    ResponseEntity<DashboardResponse> agency(Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String granularity) {
        return answer(caller, Scope.agency(caller.agencyId()), from, to, granularity);
    }

    @Audited("dashboard.view")
    @GetMapping("/programs/{programId}")
    ResponseEntity<DashboardResponse> program(Caller caller, @PathVariable @Pattern(regexp = ID) String programId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String granularity) {
        return answer(caller, Scope.program(programId), from, to, granularity);
    }

    @Audited("dashboard.view")
    @GetMapping("/specialists/{specialistId}")
    ResponseEntity<DashboardResponse> specialist(Caller caller,
            @PathVariable @Pattern(regexp = ID) String specialistId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String granularity) {
        return answer(caller, Scope.specialist(specialistId), from, to, granularity);
    }

    private ResponseEntity<DashboardResponse> answer(Caller caller, Scope scope, LocalDate from, LocalDate to,
            String granularity) {
        if (!caller.hasRole(Caller.QUALITY_LEAD)) {
            throw new AccessDeniedException("quality leads only");
        }
        DashboardQuery query = new DashboardQuery(caller.agencyId(), scope, from, to, Granularity.parse(granularity));
        Dashboard dashboard = readDashboard.read(query);
        meters.served(scope.type().name().toLowerCase(Locale.ROOT), dashboard);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(DashboardResponse.of(dashboard));
    }
}
