/**
 * metrics-service, as feature slices: {@code agencies} (each agency's settings and calendar, followed from
 * the compacted agencies topic), {@code
 * counting} (both event streams folded into the day rollups, exactly once), {@code dashboards} (the quality
 * leads' indicators and page, read from the rollups), {@code alerts} (harm reports and index floors, the
 * inbox), {@code learning} (a specialist's own released view) and {@code export} (the funders' CSV). Inside
 * each slice a package is a role (domain, application, web, messaging, persistence, config). Slices meet
 * through small published types and ports (counting hands harm reports and moves through {@code HarmReports}
 * and {@code CountsMoved}, which alerts implements) and never in a cycle; the architecture test says so.
 */
package org.peerpulse.indicators;
