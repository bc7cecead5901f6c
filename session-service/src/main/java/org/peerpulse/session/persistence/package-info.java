/**
 * Sessions in MongoDB. A session document carries its own outbox: the session and the event announcing it
 * are written in one insert, and a void is one conditional update that marks the session and adds the
 * SessionVoided entry, so there is no moment where one exists without the other (no transactions needed,
 * which the embedded store lacks). A sparse unique index on the retry key lets exactly one of several
 * concurrent retries store its session. Queries always include the agency.
 */
package org.peerpulse.session.persistence;
