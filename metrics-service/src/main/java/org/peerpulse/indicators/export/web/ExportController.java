package org.peerpulse.indicators.export.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.peerpulse.indicators.dashboards.web.DashboardMeters;
import org.peerpulse.indicators.export.application.ExportIndicators;
import org.peerpulse.indicators.export.application.ExportQuery;
import org.peerpulse.indicators.export.domain.IndicatorExport;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funders' CSV export of the caller's own agency, for quality leads. */
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ExportIndicators exportIndicators;
    private final DashboardMeters meters;

    ExportController(ExportIndicators exportIndicators, DashboardMeters meters) {
        this.exportIndicators = exportIndicators;
        this.meters = meters;
    }

    @Audited("export.indicators")
    @GetMapping("/indicators.csv")
    ResponseEntity<String> indicators(Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (!caller.hasRole(Caller.QUALITY_LEAD)) {
            throw new AccessDeniedException("quality leads only");
        }
        IndicatorExport export = exportIndicators.export(new ExportQuery(caller.agencyId(), from, to));
        meters.served("export", export.rows());
        return ResponseEntity.ok()
                .contentType(CSV)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("indicators-" + export.from() + "-" + export.to() + ".csv").build().toString())
                .body(IndicatorsCsv.of(export));
    }
}
