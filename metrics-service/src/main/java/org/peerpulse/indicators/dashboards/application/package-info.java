/**
 * Reading a dashboard, or a page of dashboards, for the caller's agency only, from its rollups.
 */
package org.peerpulse.indicators.dashboards.application;
