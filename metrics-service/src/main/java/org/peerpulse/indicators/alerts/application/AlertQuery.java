package org.peerpulse.indicators.alerts.application;

import java.util.Objects;

import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.InvalidAlertRequest;

/**
 * One page of the alerts of the caller's agency, newest first.
 *
 * @param state only alerts in this state, or {@code null} for all
 * @param page 0 for the newest {@code size}; pages stop at {@link #MAX_OFFSET} alerts back
 * @param size 1 to {@link #MAX_PAGE_SIZE}
 */
public record AlertQuery(String agencyId, AlertState state, int page, int size) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deep pages cost a skip over every alert before them; nobody reads that far back in an inbox. */
    public static final int MAX_OFFSET = 10_000;

    public AlertQuery {
        Objects.requireNonNull(agencyId, "agencyId");
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidAlertRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (page < 0 || (long) page * size > MAX_OFFSET) {
            throw new InvalidAlertRequest("page", "must be 0 or more and reach at most " + MAX_OFFSET + " alerts back");
        }
    }
}
