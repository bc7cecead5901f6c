/**
 * One class per use case, each with one public method taking a self-validating command record:
 * following the session stream (learning the invitations of logged sessions, every attendee's of a group
 * session, putting a reissue's fresh links in the place of unanswered ones, voiding the invitations of voided
 * sessions and withdrawing the answers they counted), finding the form settings of a link's agency (its
 * languages and crisis line), showing an invitation's form (a read that never uses the token up), redeeming
 * it with the participant's answers, and reading a program's comments for a quality lead. They load, let the
 * domain decide, and store through the domain's ports; they know neither HTTP nor Kafka, so a listener, the
 * API and the form call them the same way.
 */
package org.peerpulse.feedback.application;
