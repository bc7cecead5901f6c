package org.peerpulse.feedback.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.peerpulse.feedback.application.ReadHarmReport;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The participant's own words for a harm alert, for the quality leads of the alert's agency only: the agency
 * comes from the token, so another agency's alert is not found here. Every read is audited by alert id; the
 * words never go into the audit record, a log line or an error.
 */
@RestController
@RequestMapping("/api/v1/harm-reports")
class HarmReportsController {

    private final ReadHarmReport readHarmReport;

    HarmReportsController(ReadHarmReport readHarmReport) {
        this.readHarmReport = readHarmReport;
    }

    @Audited("harm_report.read")
    @GetMapping("/{alertId}")
    ResponseEntity<HarmReportResponse> harmReport(Caller caller, @PathVariable UUID alertId) {
        if (!caller.hasRole(Caller.QUALITY_LEAD)) {
            throw new AccessDeniedException("harm reports are for quality leads");
        }
        ReadHarmReport.Shown report = readHarmReport.read(new ReadHarmReport.Command(caller.agencyId(), alertId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(HarmReportResponse.of(report));
    }

    /**
     * What a lead needs to act on the report, and nothing that could point at the participant: no token,
     * session id or specialist.
     *
     * @param sessionDate the session's day in the agency's time zone
     * @param text the participant's words, or {@code null} when they wrote nothing
     */
    record HarmReportResponse(UUID alertId, String programId, LocalDate sessionDate, Instant reportedAt,
            String text) {

        static HarmReportResponse of(ReadHarmReport.Shown report) {
            return new HarmReportResponse(report.alertId(), report.programId(), report.sessionDate(),
                    report.reportedAt(), report.text());
        }

        @Override
        public String toString() {
            return "HarmReportResponse[alertId=" + alertId + "]";
        }
    }
}
