/**
 * The alerts' wiring, their meters, and the schedule of the index-floor check.
 */
package org.peerpulse.indicators.alerts.config;
