package org.peerpulse.platform.security;

/** The token is valid but names no agency, so it cannot reach any agency's data. */
public class NoAgencyException extends RuntimeException {

    public NoAgencyException() {
        super("This token does not belong to an agency.");
    }
}
