/**
 * Translators between the session topic and the use cases: a session event in, one application call
 * out, no business decisions. Records that can never be read go to the dead-letter topic through the
 * platform's error handler; everything else is retried, so an invitation is never lost.
 */
package org.peerpulse.feedback.messaging;
