/**
 * Each agency's settings as the other slices read them: time zone and calendar, the small-cell k for
 * dashboards and exports, 42 CFR Part 2 programs and index floors.
 */
package org.peerpulse.indicators.agencies;
