package org.peerpulse.feedback.domain;

/** No framework has the requested id. */
public class UnknownFrameworkException extends RuntimeException {

    public UnknownFrameworkException() {
        super("unknown framework");
    }
}
