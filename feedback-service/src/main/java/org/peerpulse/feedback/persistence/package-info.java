/**
 * The MongoDB shape of invitations and the adapters that implement the domain's ports. An invitation is
 * one document keyed by its token hash; redeeming it stores the answers and queues the event in the
 * same document's outbox in one conditional write, so a token is redeemed exactly once and its event is
 * published exactly when the answers are stored. Voiding it is one conditional write too, on what it was
 * decided on, and queues the withdrawal of a counted answer behind that answer's event. Retiring it for a
 * reissue's fresh link is one as well, guarded on its being unanswered just as redeeming is guarded on its not
 * being retired, so of the two only one ever wins.
 */
package org.peerpulse.feedback.persistence;
