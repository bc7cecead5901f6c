/**
 * One class per use case, each with one public method taking a self-validating command record:
 * learning an invitation from a logged session, voiding it with its session, and redeeming it with the
 * participant's answers. They load, let the domain decide, and store through the domain's ports; they
 * know neither HTTP nor Kafka, so a listener and a controller call them the same way.
 */
package org.peerpulse.feedback.application;
