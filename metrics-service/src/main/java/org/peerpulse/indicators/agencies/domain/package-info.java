/**
 * An agency's settings and calendar in plain Java: which day an instant belongs to in the agency's zone, and
 * the small-cell rule (never below 3).
 */
package org.peerpulse.indicators.agencies.domain;
