package org.peerpulse.indicators.alerts.web;

import java.util.List;

import org.peerpulse.indicators.alerts.application.AlertPage;

/** One page of the caller's agency's alerts, newest first; {@code hasMore} says whether page + 1 has any. */
record AlertListResponse(List<AlertResponse> items, int page, int size, boolean hasMore) {

    static AlertListResponse of(AlertPage page) {
        return new AlertListResponse(page.items().stream().map(AlertResponse::of).toList(), page.page(), page.size(),
                page.hasMore());
    }
}
