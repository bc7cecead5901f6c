package org.peerpulse.session.domain;

/** No such session in the caller's agency (another agency's sessions are not found either). */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException() {
        super("No such session.");
    }
}
