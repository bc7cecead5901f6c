package org.peerpulse.session.domain;

/** The session was voided before; voiding is done once. */
public class SessionAlreadyVoidedException extends RuntimeException {

    public SessionAlreadyVoidedException() {
        super("This session was already voided.");
    }
}
