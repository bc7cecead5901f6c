/**
 * The use cases of session-service, one class each with one public method taking a self-validating
 * command: log a session, read one back.
 */
package org.peerpulse.session.application;
