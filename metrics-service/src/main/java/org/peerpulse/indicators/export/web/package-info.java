/**
 * The export endpoint: CSV text for the caller's agency, "fewer than k" where a statistic is hidden.
 */
package org.peerpulse.indicators.export.web;
