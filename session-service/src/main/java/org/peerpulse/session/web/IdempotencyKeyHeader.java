package org.peerpulse.session.web;

/** The {@code Idempotency-Key} request header: 1-128 printable ASCII characters, not all spaces. */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    private static final String PATTERN = "^[\\x20-\\x7E]{1,128}$";

    private IdempotencyKeyHeader() {
    }

    /** The key, or {@code null} when the client sent none. */
    static String checked(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches(PATTERN) || value.isBlank()) {
            throw new BadParameterException(NAME, "must be 1-128 printable ASCII characters");
        }
        return value;
    }
}
