package org.peerpulse.session.domain;

/** A session that breaks a rule; names the field, never its value. */
public class InvalidSessionException extends RuntimeException {

    private final String field;

    public InvalidSessionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
