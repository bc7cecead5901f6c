/**
 * The alert use cases: opening harm alerts as counting reads them, checking index floors off the ingest
 * path, listing, acknowledging and resolving.
 */
package org.peerpulse.indicators.alerts.application;
