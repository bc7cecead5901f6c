package org.peerpulse.session.web;

/** The shape of every id a client chooses: program, specialist, session. */
final class Ids {

    static final String PATTERN = "^[A-Za-z0-9._-]{1,64}$";
    static final String MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";

    private Ids() {
    }
}
