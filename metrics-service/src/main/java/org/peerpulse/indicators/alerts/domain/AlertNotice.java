package org.peerpulse.indicators.alerts.domain;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What an agency's webhook is told of a new alert: where and when, the figures of an index or fall alert, and
 * where to read it. Never the participant's words, comment, token or anything else from the answer: those stay
 * in feedback-service, behind the quality leads' sign-in, and the link leads there.
 *
 * @param type {@code alert.opened}
 * @param link the agency's alert inbox
 */
public record AlertNotice(String type, UUID alertId, AlertKind kind, String agencyId, String programId,
        String specialistId, LocalDate sessionDate, Instant openedAt, String item, Double previous, Double value,
        Double floor, URI link) {

    public static final String OPENED = "alert.opened";

    public AlertNotice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(link, "link");
    }

    public static AlertNotice opened(Alert alert, URI inbox) {
        return new AlertNotice(OPENED, alert.id(), alert.kind(), alert.agencyId(), alert.programId(),
                alert.specialistId(), alert.sessionDate(), alert.openedAt(), alert.item(), alert.previous(),
                alert.index(), alert.floor(), inbox);
    }
}
