/**
 * The alert use cases: opening harm alerts as counting reads them, checking index floors and falls off the
 * ingest path, sending the alerts' webhook notices, reading the agency's webhook secret, listing,
 * acknowledging and resolving.
 */
package org.peerpulse.indicators.alerts.application;
