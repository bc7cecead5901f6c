/**
 * The alerts API (with the agency's webhook URL and secret) and the quality leads' inbox page: one use-case call
 * per request, for the caller's agency only.
 */
package org.peerpulse.indicators.alerts.web;
