package org.peerpulse.feedback.web;

/** A query parameter that is well-formed alone but not together with the others; named, never quoted. */
class InvalidQueryException extends RuntimeException {

    private final String field;

    InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
