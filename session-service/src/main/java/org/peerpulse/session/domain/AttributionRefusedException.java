package org.peerpulse.session.domain;

/** A specialist tried to act as another specialist (or their token names none). */
public class AttributionRefusedException extends RuntimeException {

    public AttributionRefusedException() {
        super("A specialist logs, lists, voids and reissues only their own sessions.");
    }
}
