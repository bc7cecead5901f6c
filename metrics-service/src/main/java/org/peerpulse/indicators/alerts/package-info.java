/**
 * Harm reports, index floors and falls against the 30 days before as alerts with a state, an audit trail and a
 * webhook notice to the agency's receiver, and the inbox where quality leads act on them.
 */
package org.peerpulse.indicators.alerts;
