package org.peerpulse.session.domain;

/** An {@code Idempotency-Key} came back with a different request than the one first sent with it. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request.");
    }
}
