package org.peerpulse.session.domain;

/** A retry asked for links that were replaced since; the new ones were shown to whoever replaced them. */
public class InvitationsReplacedException extends RuntimeException {

    public InvitationsReplacedException() {
        super("The links of this session were replaced since it was logged; use the new links.");
    }
}
