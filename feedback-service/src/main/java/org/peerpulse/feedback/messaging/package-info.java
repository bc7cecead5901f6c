/**
 * Translators between the session topic and the use cases: a poll of session events in, one application
 * call out, no business decisions. Records that can never be read go to the dead-letter topic once, after
 * the rest of their poll was applied; everything else is retried, so an invitation or a void is never lost.
 */
package org.peerpulse.feedback.messaging;
