/**
 * The learning view's wiring.
 */
package org.peerpulse.indicators.learning.config;
