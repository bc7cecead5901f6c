/**
 * Each agency's settings as the other slices read them: time zone and calendar, the small-cell k for
 * dashboards and exports, 42 CFR Part 2 programs and index floors. They come from the agency's latest
 * {@code AgencySettingsChanged} on the compacted agencies topic (the platform's directory follows it), so a
 * change takes effect without a restart: the next dashboard, export or floor check decides under the new k,
 * Part 2 programs and floors, and a dashboard worked out under the old settings is not served again.
 *
 * <p>A new time zone applies to the events counted after it arrives. Rollups are counted by day and a day is
 * not re-cut, so what was counted before stays on the day it was counted under, and a rebuild (which replays
 * every event under the agency's current settings) counts everything in the new zone. Until then a session near
 * midnight that is voided, or answered, after the change can be taken back or answered on a neighbouring day
 * of the one it was counted on; a range that holds both days adds up right (decision 0013).
 */
package org.peerpulse.indicators.agencies;
