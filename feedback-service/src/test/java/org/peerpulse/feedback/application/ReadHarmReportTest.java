package org.peerpulse.feedback.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerpulse.feedback.domain.HarmReport;
import org.peerpulse.feedback.domain.UnknownHarmReportException;

class ReadHarmReportTest {

    private static final UUID ALERT = UUID.randomUUID();
    private static final HarmReport REPORT = new HarmReport(ALERT, "warmline", Instant.parse("2026-11-21T03:30:00Z"),
            Instant.parse("2026-11-21T04:00:00Z"), "words");

    private final InMemoryInvitations invitations = new InMemoryInvitations() {
        @Override
        public Optional<HarmReport> harmReport(String agencyId, UUID alertId) {
            return agencyId.equals("harbor") && alertId.equals(ALERT) ? Optional.of(REPORT) : Optional.empty();
        }
    };

    @Test
    void theSessionDateIsADayOfTheAgencysCalendar() {
        ReadHarmReport inLosAngeles = new ReadHarmReport(invitations, agency -> ZoneId.of("America/Los_Angeles"));
        ReadHarmReport inUtc = new ReadHarmReport(invitations, agency -> ZoneOffset.UTC);

        assertThat(inLosAngeles.read(new ReadHarmReport.Command("harbor", ALERT)).sessionDate())
                .isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(inUtc.read(new ReadHarmReport.Command("harbor", ALERT)).sessionDate())
                .isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void anotherAgencysAlertIsUnknown() {
        ReadHarmReport read = new ReadHarmReport(invitations, agency -> ZoneOffset.UTC);

        assertThatThrownBy(() -> read.read(new ReadHarmReport.Command("sunrise", ALERT)))
                .isInstanceOf(UnknownHarmReportException.class);
    }

    @Test
    void theWordsNeverShowInALogLine() {
        assertThat(REPORT.toString()).doesNotContain("words");
        assertThat(new ReadHarmReport(invitations, agency -> ZoneOffset.UTC)
                .read(new ReadHarmReport.Command("harbor", ALERT)).toString()).doesNotContain("words");
    }
}
