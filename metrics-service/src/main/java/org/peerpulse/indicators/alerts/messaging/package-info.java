/**
 * The alerts' way out: each new alert's notice as a signed Standard Webhooks request to its agency's receiver.
 */
package org.peerpulse.indicators.alerts.messaging;
