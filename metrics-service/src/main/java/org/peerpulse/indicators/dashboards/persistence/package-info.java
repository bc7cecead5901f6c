/**
 * The dashboards' in-memory copy of each agency's rollups, read again only when counting moved the agency's
 * version.
 */
package org.peerpulse.indicators.dashboards.persistence;
