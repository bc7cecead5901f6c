/**
 * What a logged session is and the rules it keeps: a session belongs to one agency, happened in the past,
 * lasted 1–480 minutes and names values of its framework; logging it issues a one-time invitation whose
 * raw token leaves only once, in the answer to the specialist, and a participant pseudonym that cannot
 * be turned back into the agency's reference. Plain Java: no Spring, Kafka or MongoDB.
 */
package org.peerpulse.session.domain;
