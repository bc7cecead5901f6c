/**
 * An alert and its rules in plain Java: one per harm report (its id from the answer's event id), one per
 * index and scope below an agency's floor while open, and the only ways forward: open, acknowledged,
 * resolved.
 */
package org.peerpulse.indicators.alerts.domain;
