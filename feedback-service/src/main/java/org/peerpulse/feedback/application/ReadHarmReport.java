package org.peerpulse.feedback.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.peerpulse.feedback.domain.AgencyTimeZones;
import org.peerpulse.feedback.domain.HarmReport;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.UnknownHarmReportException;

/**
 * Lets a quality lead follow a harm alert to the participant's own words: only an answer of the lead's own
 * agency is found, so another agency's alert reads as unknown. The session's date is a day of the agency's
 * calendar, as on its dashboards.
 */
public class ReadHarmReport {

    private final Invitations invitations;
    private final AgencyTimeZones zones;

    public ReadHarmReport(Invitations invitations, AgencyTimeZones zones) {
        this.invitations = invitations;
        this.zones = zones;
    }

    /** @throws UnknownHarmReportException if no answer of the agency opened that alert */
    public Shown read(Command command) {
        HarmReport report = invitations.harmReport(command.agencyId(), command.alertId())
                .orElseThrow(UnknownHarmReportException::new);
        ZoneId zone = zones.zoneOf(command.agencyId());
        return new Shown(report.alertId(), report.programId(), report.sessionAt().atZone(zone).toLocalDate(),
                report.reportedAt(), zone, report.text());
    }

    public record Command(String agencyId, UUID alertId) {

        public Command {
            if (agencyId == null || agencyId.isBlank()) {
                throw new IllegalArgumentException("agencyId is required");
            }
            Objects.requireNonNull(alertId, "alertId is required");
        }
    }

    /**
     * The report as a lead reads it.
     *
     * @param sessionDate the session's day in the agency's time zone
     * @param zone the agency's time zone, in which a page shows {@code reportedAt}
     * @param text the participant's words, or {@code null} when they wrote nothing
     */
    public record Shown(UUID alertId, String programId, LocalDate sessionDate, Instant reportedAt, ZoneId zone,
            String text) {

        @Override
        public String toString() {
            return "Shown[alertId=" + alertId + ", written=" + (text != null) + "]";
        }
    }
}
