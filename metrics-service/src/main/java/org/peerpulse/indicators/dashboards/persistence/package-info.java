/**
 * The dashboards' in-memory copy of each agency's rollups, and their running totals, read again (and added
 * up again) only when counting moved the agency's version.
 */
package org.peerpulse.indicators.dashboards.persistence;
