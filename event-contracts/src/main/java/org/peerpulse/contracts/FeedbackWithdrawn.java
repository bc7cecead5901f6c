package org.peerpulse.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An answer that was counted no longer counts: its session was voided after it was given. Published by
 * feedback-service from the same invitation document as the {@link FeedbackSubmitted} it withdraws, so it
 * lands after that answer on the same partition, and it carries what the answer contributed, so a consumer
 * subtracts it without looking up what it counted. Like the answer, it never carries the participant, the
 * token, the comment or the harm text.
 *
 * @param withdrawnEventId the {@code eventId} of the {@link FeedbackSubmitted} taken back
 * @param reason why, such as {@code SESSION_VOIDED}
 * @param valuesPracticed what the answer carried of its specialist's reflection, so that it is taken back too
 * @param itemsAsked the items the withdrawn answer's form asked, so that they are taken back too
 */
public record FeedbackWithdrawn(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        UUID withdrawnEventId,
        String reason,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        FrameworkRef framework,
        Map<String, Integer> ratings,
        Integer hope,
        boolean harmReported,
        String mode,
        List<String> valuesPracticed,
        List<String> itemsAsked) implements PeerPulseEvent {

    public static final String SESSION_VOIDED = "SESSION_VOIDED";

    public FeedbackWithdrawn {
        PeerPulseEvent.requireIdentity(eventId, occurredAt, agencyId);
        ratings = Map.copyOf(ratings == null ? Map.of() : ratings);
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
        itemsAsked = List.copyOf(itemsAsked == null ? List.of() : itemsAsked);
    }

    /** The withdrawal of {@code submitted}, with everything it contributed. */
    public static FeedbackWithdrawn of(FeedbackSubmitted submitted, String reason, UUID eventId, Instant now) {
        return new FeedbackWithdrawn(eventId, now, submitted.agencyId(), submitted.eventId(), reason,
                submitted.sessionId(), submitted.programId(), submitted.specialistId(), submitted.sessionAt(),
                submitted.framework(), submitted.ratings(), submitted.hope(), submitted.harmReported(),
                submitted.mode(), submitted.valuesPracticed(), submitted.itemsAsked());
    }
}
