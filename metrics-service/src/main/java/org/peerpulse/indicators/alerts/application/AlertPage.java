package org.peerpulse.indicators.alerts.application;

import java.util.List;

import org.peerpulse.indicators.alerts.domain.Alert;

/** A page of alerts as asked for, newest first; {@code hasMore} tells whether an older page has any. */
public record AlertPage(List<Alert> items, int page, int size, boolean hasMore) {

    public AlertPage {
        items = List.copyOf(items);
    }
}
