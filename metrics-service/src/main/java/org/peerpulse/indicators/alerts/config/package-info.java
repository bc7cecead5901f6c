/**
 * The alerts' wiring and settings, their meters, the schedules of the index-floor and fall checks, and the
 * webhook dispatcher's thread.
 */
package org.peerpulse.indicators.alerts.config;
