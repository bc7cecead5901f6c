package org.peerpulse.indicators.dashboards.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.peerpulse.indicators.dashboards.application.DashboardQuery;
import org.peerpulse.indicators.dashboards.application.ReadDashboardPage;
import org.peerpulse.indicators.dashboards.domain.Granularity;
import org.peerpulse.indicators.dashboards.domain.InvalidDashboardRequest;
import org.peerpulse.indicators.dashboards.domain.PeriodPoint;
import org.peerpulse.indicators.dashboards.domain.Scope;
import org.peerpulse.indicators.dashboards.domain.ScopeNotFound;
import org.peerpulse.platform.audit.Audited;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality leads' page: the agency, one program or one specialist, each a server-rendered view of the
 * same dashboard the API answers for the signed-in lead's agency. The period and the trend's granularity
 * travel in the query string, so every view is a link that can be shared with a colleague of the agency.
 */
@Controller
class DashboardPageController {

    /** Ids as the producers mint them, as the API accepts them. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private final ReadDashboardPage readPage;
    private final JsonMapper json;
    private final DashboardMeters meters;

    DashboardPageController(ReadDashboardPage readPage, JsonMapper json, DashboardMeters meters) {
        this.readPage = readPage;
        this.json = json;
        this.meters = meters;
    }

    @Audited("dashboard.view")
    @GetMapping("/")
    String agency(@AuthenticationPrincipal OidcUser user, Period period, Model model) {
        Lead lead = Lead.of(user);
        Scope scope = Scope.agency(lead.agencyId());
        List<DashboardView.Crumb> crumbs = List.of(new DashboardView.Crumb(agencyLabel(lead), null));
        return show(lead, scope, period, crumbs, id -> link(period, "/programs/" + id, null), model);
    }

    @Audited("dashboard.view")
    @GetMapping("/programs/{programId}")
    String program(@AuthenticationPrincipal OidcUser user, @PathVariable String programId, Period period,
            Model model) {
        Lead lead = Lead.of(user);
        Scope scope = Scope.program(known(programId));
        List<DashboardView.Crumb> crumbs = List.of(new DashboardView.Crumb(agencyLabel(lead), link(period, "/", null)),
                new DashboardView.Crumb(programId, null));
        return show(lead, scope, period, crumbs, id -> link(period, "/specialists/" + id, programId), model);
    }

    /** {@code program} only says where the lead came from, for the way back; the numbers are the specialist's. */
    @Audited("dashboard.view")
    @GetMapping("/specialists/{specialistId}")
    String specialist(@AuthenticationPrincipal OidcUser user, @PathVariable String specialistId,
            @RequestParam(required = false) String program, Period period, Model model) {
        Lead lead = Lead.of(user);
        Scope scope = Scope.specialist(known(specialistId));
        List<DashboardView.Crumb> crumbs = new ArrayList<>();
        crumbs.add(new DashboardView.Crumb(agencyLabel(lead), link(period, "/", null)));
        if (program != null && ID.matcher(program).matches()) {
            crumbs.add(new DashboardView.Crumb(program, link(period, "/programs/" + program, null)));
        }
        crumbs.add(new DashboardView.Crumb(specialistId, null));
        model.addAttribute("program", crumbs.size() == 3 ? program : null);
        return show(lead, scope, period, crumbs, id -> null, model);
    }

    /**
     * Where the security chain sends a signed-in person who is not a quality lead of an agency, and a form
     * posted without its CSRF token. The chain forwards the refused request as it came, so a POST arrives
     * here as a POST: any method gets the 403 page, not a 405.
     */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "denied";
    }

    /** A period the page cannot show is answered on the page, with the fields to fix it. */
    @ExceptionHandler(InvalidDashboardRequest.class)
    String invalidPeriod(InvalidDashboardRequest e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.getMessage());
        return "invalid-period";
    }

    /** A program or specialist the lead's agency never had: the page says so, as the API answers 404. */
    @ExceptionHandler(ScopeNotFound.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "not-found";
    }

    /**
     * The period of a view.
     *
     * @param granularity the trend's cut; by week unless chosen, which reads best over a month
     */
    record Period(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String granularity) {

        Granularity cut() {
            return granularity == null || granularity.isBlank() ? Granularity.WEEK : Granularity.parse(granularity);
        }
    }

    private String show(Lead lead, Scope scope, Period period, List<DashboardView.Crumb> crumbs,
            Function<String, String> childHref, Model model) {
        Granularity cut = period.cut();
        var page = readPage.read(new DashboardQuery(lead.agencyId(), scope, period.from(), period.to(), cut));
        meters.served("page", page.dashboard());
        model.addAttribute("lead", lead);
        model.addAttribute("view", DashboardView.of(page, cut, crumbs, childHref, this::trendData));
        return "dashboard";
    }

    private Map<String, String> trendData(List<PeriodPoint> series) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("labels", json.writeValueAsString(series.stream().map(PeriodPoint::period).toList()));
        data.put("values", json.writeValueAsString(series.stream().map(PeriodPoint::valuesIndex).toList()));
        data.put("trust", json.writeValueAsString(series.stream().map(PeriodPoint::trustIndex).toList()));
        data.put("sessions", json.writeValueAsString(series.stream().map(PeriodPoint::sessions).toList()));
        return data;
    }

    private static String known(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }

    private static String agencyLabel(Lead lead) {
        return lead.agencyId();
    }

    /** A link to another view of the same period. */
    private static String link(Period period, String path, String program) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (program != null) {
            uri.queryParam("program", program);
        }
        if (period.from() != null) {
            uri.queryParam("from", period.from());
        }
        if (period.to() != null) {
            uri.queryParam("to", period.to());
        }
        if (period.granularity() != null && !period.granularity().isBlank()) {
            uri.queryParam("granularity", period.granularity());
        }
        return uri.encode().build().toUriString();
    }
}
