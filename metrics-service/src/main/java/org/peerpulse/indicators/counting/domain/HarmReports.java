package org.peerpulse.indicators.counting.domain;

import java.time.LocalDate;

/**
 * Where counting hands every harm report it reads, before counting it: alerts open one alert per report
 * (exactly once, their id comes from the answer's event id). Counting does not know what an alert is.
 */
public interface HarmReports {

    /**
     * Makes sure the report has its alert; {@code true} if this call opened it, {@code false} if it was
     * open already (a redelivery, a copy, a replay).
     */
    boolean reported(ReceivedFeedback report, LocalDate sessionDay);
}
