package org.peerpulse.indicators.dashboards.domain;

import java.util.List;

import org.peerpulse.indicators.counting.domain.CollectionMode;

/**
 * The item statistics of the answers collected one way (kiosk or own device) over a scope and period. An item
 * (or hope) is shown here only when it is shown in the other mode too, so neither can be subtracted from the
 * item's total ({@link Disclosure}).
 *
 * @param items the values then the TRUST principles, in framework order, as in the dashboard
 */
public record ModeScores(CollectionMode mode, ItemScore hope, List<ItemScore> items) {

    public ModeScores {
        items = List.copyOf(items);
    }
}
