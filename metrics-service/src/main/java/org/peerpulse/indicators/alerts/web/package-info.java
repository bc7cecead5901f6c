/**
 * The alerts API and the quality leads' inbox page: one use-case call per request, for the caller's agency
 * only.
 */
package org.peerpulse.indicators.alerts.web;
