/**
 * The export's wiring.
 */
package org.peerpulse.indicators.export.config;
