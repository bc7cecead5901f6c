/**
 * Harm reports and index floors as alerts with a state and an audit trail, and the inbox where quality leads
 * act on them.
 */
package org.peerpulse.indicators.alerts;
