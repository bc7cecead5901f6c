package org.peerpulse.feedback.domain;

/** The invitation cannot be redeemed now, and why; nothing is stored or published. */
public class InvitationUnavailableException extends RuntimeException {

    /** Why an invitation cannot be redeemed. */
    public enum Reason {
        /** No invitation has this token. */
        UNKNOWN,
        /**
         * No invitation has this token yet, but the token was issued so recently that its session's event
         * may still be on its way: ask again in a moment rather than call the link unknown.
         */
        NOT_YET_KNOWN,
        /** Feedback was already given with this token. */
        ALREADY_USED,
        /** The session was withdrawn. */
        VOIDED,
        /** A fresh link was issued in its place before it was answered; only the fresh one works. */
        REPLACED,
        /**
         * It was issued to replace a link that had been answered (or replaced) meanwhile, so it was never needed
         * and never worked: the session already has the answers it can count.
         */
        NOT_NEEDED,
        /** The token is past its expiry. */
        EXPIRED
    }

    private final Reason reason;

    public InvitationUnavailableException(Reason reason) {
        super("invitation unavailable: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
