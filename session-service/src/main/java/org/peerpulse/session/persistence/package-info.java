/**
 * Sessions in MongoDB. A session document carries its own outbox: the session and the event announcing it
 * are written in one insert, so there is no moment where one exists without the other (no transactions
 * needed, which the embedded store lacks). Queries always include the agency.
 */
package org.peerpulse.session.persistence;
