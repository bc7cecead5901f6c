/**
 * An alert and its rules in plain Java: one per harm report (its id from the answer's event id), one per
 * index and scope below an agency's floor while open, one per fall of a scope, kind and item in a 30-day
 * period (its id derived from them), and the only ways forward: open, acknowledged, resolved. Each carries
 * its webhook {@code Delivery}, decided by the {@code DeliveryPolicy} and signed with the agency's
 * {@code WebhookSecret}.
 */
package org.peerpulse.indicators.alerts.domain;
