/**
 * The use cases of session-service, one class each with one public method taking a self-validating
 * command: log a session (safely retried under an idempotency key), read one back, list them, void one.
 */
package org.peerpulse.session.application;
