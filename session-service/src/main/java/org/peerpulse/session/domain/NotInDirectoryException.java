package org.peerpulse.session.domain;

/** The program or specialist asked for is not in the agency's directory. */
public class NotInDirectoryException extends RuntimeException {

    public NotInDirectoryException(String what) {
        super("No such " + what + " in the agency's directory.");
    }
}
