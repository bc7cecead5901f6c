package org.peerpulse.indicators.counting.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
 * @param valuesPracticed the value codes the specialist said they practiced in it, each counted once
 */
public record LoggedSession(UUID eventId, String sessionId, Cell cell, Instant sessionAt, int minutes,
        boolean peerWork, boolean strengthsNoted, boolean recoveryFocus, int invitations,
        List<String> valuesPracticed) implements IndicatorEvent {

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
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
        valuesPracticed.forEach(ReceivedFeedback::requireItemCode);
    }

    /** A session in which the specialist named no value practiced. */
    public LoggedSession(UUID eventId, String sessionId, Cell cell, Instant sessionAt, int minutes,
            boolean peerWork, boolean strengthsNoted, boolean recoveryFocus, int invitations) {
        this(eventId, sessionId, cell, sessionAt, minutes, peerWork, strengthsNoted, recoveryFocus, invitations,
                List.of());
    }

    @Override
    public DayCounts counts() {
        Map<String, Long> practiced = valuesPracticed.isEmpty() ? Map.of() : new HashMap<>();
        valuesPracticed.forEach(code -> practiced.put(code, 1L));
        return new DayCounts(1, invitations, minutes, peerWork ? minutes : 0, strengthsNoted ? 1 : 0,
                recoveryFocus ? 1 : 0, 0, Map.of(), RatingTally.NONE, 0, practiced, Map.of());
    }
}
