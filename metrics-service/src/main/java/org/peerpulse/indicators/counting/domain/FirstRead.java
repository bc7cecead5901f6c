package org.peerpulse.indicators.counting.domain;

import java.util.Objects;
import java.util.UUID;

/** An event id and the offset of its partition at which it was first read: one entry of a copy window. */
public record FirstRead(UUID eventId, long offset) {

    public FirstRead {
        Objects.requireNonNull(eventId, "eventId");
    }
}
