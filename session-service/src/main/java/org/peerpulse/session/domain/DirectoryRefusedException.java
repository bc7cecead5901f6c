package org.peerpulse.session.domain;

/** A change or an attribution the directory refuses; names the field, never echoes its value. */
public class DirectoryRefusedException extends RuntimeException {

    private final String field;

    public DirectoryRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
