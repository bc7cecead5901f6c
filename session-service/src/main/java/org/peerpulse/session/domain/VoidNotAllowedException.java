package org.peerpulse.session.domain;

/** A specialist asked to void a session someone else logged. */
public class VoidNotAllowedException extends RuntimeException {

    public VoidNotAllowedException() {
        super("Only a quality lead or whoever logged this session may void it.");
    }
}
