package org.peerpulse.indicators.alerts.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.Alerts;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.counting.domain.HarmReports;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;

/**
 * Opens the alert of every harm report counting reads. Its id comes from the answer's event id, so a
 * redelivery, a copy at a new offset or a replay of the topic finds it there and opens nothing. The alert
 * counts from when the participant reported harm (not from when it was read here), so its age and the time
 * to acknowledge it include any delay on the way; never later than now. Its webhook notification, if the
 * agency set a webhook, is due from that moment and written with it.
 */
public class OpenHarmAlerts implements HarmReports {

    private final Alerts alerts;
    private final Agencies agencies;
    private final Clock clock;

    public OpenHarmAlerts(Alerts alerts, Agencies agencies, Clock clock) {
        this.alerts = alerts;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public boolean reported(ReceivedFeedback report, LocalDate sessionDay) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant submitted = report.submittedAt().truncatedTo(ChronoUnit.MILLIS);
        Instant openedAt = submitted.isBefore(now) ? submitted : now;
        Delivery delivery = Delivery.opening(agencies.of(report.cell().agencyId()).alertWebhookUrl(), openedAt);
        return alerts.open(Alert.harmReport(report, sessionDay, openedAt, delivery));
    }
}
