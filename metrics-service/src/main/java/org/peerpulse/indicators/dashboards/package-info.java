/**
 * The quality leads' indicators, as an API and a page, read from an in-memory copy of each agency's rollups.
 */
package org.peerpulse.indicators.dashboards;
