/**
 * An agency's settings and calendar in plain Java: the {@code Agencies} port every slice asks (settings change
 * while the service runs, so nobody keeps them), which day an instant belongs to in the agency's current zone,
 * and the small-cell rule (never below 3).
 */
package org.peerpulse.indicators.agencies.domain;
