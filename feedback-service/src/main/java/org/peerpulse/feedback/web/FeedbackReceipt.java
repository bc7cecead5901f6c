package org.peerpulse.feedback.web;

/** The answer to a submission: that it arrived, and nothing that could link it to the participant. */
record FeedbackReceipt(boolean received) {
}
