/**
 * Counting's wiring: the rollups and copy windows on MongoDB, the copy window's size, and the rebuild's
 * erase step.
 */
package org.peerpulse.indicators.counting.config;
