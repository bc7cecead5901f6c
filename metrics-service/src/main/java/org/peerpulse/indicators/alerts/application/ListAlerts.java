package org.peerpulse.indicators.alerts.application;

import java.util.List;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.Alerts;

/** A quality lead's alert inbox: their own agency's alerts, newest first, one bounded page at a time. */
public class ListAlerts {

    private final Alerts alerts;

    public ListAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    public AlertPage list(AlertQuery query) {
        // One more than asked for tells whether there is an older page, without counting them all.
        List<Alert> found = alerts.list(query.agencyId(), query.state(), query.page() * query.size(),
                query.size() + 1);
        boolean hasMore = found.size() > query.size();
        return new AlertPage(hasMore ? found.subList(0, query.size()) : found, query.page(), query.size(), hasMore);
    }
}
