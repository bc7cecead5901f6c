/**
 * What a feedback invitation is and when it may be redeemed: the {@code Invitation} aggregate decides
 * (unknown, used, voided, replaced, not needed, expired) and hands back the {@code FeedbackSubmitted} fact, or,
 * when its session is voided after it counted an answer, the {@code FeedbackWithdrawn} that takes it back; it
 * also decides whether a reissue's fresh link may work in its place, so that a session never has more working
 * links than invitations. {@code Answers} holds the participant's answers only once they fit the invitation's
 * framework; {@code FormSettings} is what an agency chose for its form (languages, crisis line). Plain Java on the event contracts, with no Spring, Kafka, Jackson or MongoDB types, so the rules
 * can be read and tested alone.
 */
package org.peerpulse.feedback.domain;
