/**
 * The {@code Agencies} port over the platform's directory of the compacted agencies topic, held by agency so
 * counting's lookup per event allocates nothing, and the beans every slice reads settings and calendar
 * through. There are no per-agency properties: settings are the agencies' own, published by session-service.
 */
package org.peerpulse.indicators.agencies.config;
