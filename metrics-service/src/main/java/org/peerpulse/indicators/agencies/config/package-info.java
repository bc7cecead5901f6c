/**
 * The typed {@code peerpulse.indicators.*} agency settings with their defaults in code, refused at start
 * when a cell size is below 3, and the beans every slice reads them through.
 */
package org.peerpulse.indicators.agencies.config;
