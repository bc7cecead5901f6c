/**
 * Wiring of metrics-service: the typed {@code peerpulse.indicators.*} settings (minimum cell size,
 * agencies' time zones) with their defaults in code, and the beans that put the use cases on top of
 * the MongoDB rollups. The use cases stay free of Spring annotations because they are wired here.
 */
package org.peerpulse.indicators.config;
