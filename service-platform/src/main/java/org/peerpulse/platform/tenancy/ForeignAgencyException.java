package org.peerpulse.platform.tenancy;

/**
 * A write or query through an agency's scope named another agency. This is a programming error, never a
 * user error: the agency comes from the token, so no request can legitimately cause it.
 */
public class ForeignAgencyException extends IllegalArgumentException {

    public ForeignAgencyException(String message) {
        super(message);
    }
}
