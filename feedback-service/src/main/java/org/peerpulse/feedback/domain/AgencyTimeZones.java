package org.peerpulse.feedback.domain;

import java.time.ZoneId;

/**
 * The time zone each agency keeps its calendar in, as it stands now (UTC for an agency that set none): a
 * session's date and the month its comments are released in are days of that calendar.
 */
public interface AgencyTimeZones {

    ZoneId zoneOf(String agencyId);
}
