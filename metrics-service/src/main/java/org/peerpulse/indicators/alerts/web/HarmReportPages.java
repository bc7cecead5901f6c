package org.peerpulse.indicators.alerts.web;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a harm alert's participant words are read: feedback-service's page for quality leads,
 * {@code {feedbackUrl}/harm-reports/{alertId}}, which checks the lead's agency and role itself and audits the
 * reading. metrics-service never holds the words; it only links there.
 */
public record HarmReportPages(URI feedbackUrl) {

    public HarmReportPages {
        Objects.requireNonNull(feedbackUrl, "feedbackUrl");
    }

    String of(UUID alertId) {
        String base = feedbackUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + "harm-reports/" + alertId;
    }
}
