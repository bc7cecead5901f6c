package org.peerpulse.indicators.counting.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A session a specialist logged, as the indicators see it.
 *
 * @param peerWork whether the activity was peer work (anything but a non-peer task)
 * @param strengthsNoted whether the specialist acknowledged at least one strength
 * @param recoveryFocus whether the focus included recovery goals or wellness
 * @param invitations how many feedback invitations went out for it: one per attendee of a group session, the
 *     denominator of the response rate
 */
public record LoggedSession(UUID eventId, String sessionId, Cell cell, Instant sessionAt, int minutes,
        boolean peerWork, boolean strengthsNoted, boolean recoveryFocus, int invitations)
        implements IndicatorEvent {

    public LoggedSession {
        Objects.requireNonNull(eventId, "eventId");
        Cell.requireId(sessionId, "sessionId");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(sessionAt, "sessionAt");
        if (minutes < 0 || minutes > 24 * 60) {
            throw new IllegalArgumentException("minutes out of range");
        }
        if (invitations < 0) {
            throw new IllegalArgumentException("invitations out of range");
        }
    }

    @Override
    public DayCounts counts() {
        return new DayCounts(1, invitations, minutes, peerWork ? minutes : 0, strengthsNoted ? 1 : 0,
                recoveryFocus ? 1 : 0, 0, Map.of(), RatingTally.NONE, 0);
    }
}
