package org.peerpulse.feedback.domain;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.peerpulse.contracts.FeedbackSubmitted;

/**
 * The answer an invitation counted, as its {@link FeedbackSubmitted} published it: which event that was and
 * what it contributed beyond the session's dimensions. Kept so that a withdrawal can take back exactly that
 * event; like the event, it holds neither the comment nor the harm text.
 *
 * @param submittedEventId the {@code eventId} of the published {@link FeedbackSubmitted}
 */
public record CountedAnswer(UUID submittedEventId, Map<String, Integer> ratings, Integer hope, boolean harmReported,
        String language, String mode) {

    public CountedAnswer {
        Objects.requireNonNull(submittedEventId, "submittedEventId is required");
        ratings = Map.copyOf(ratings == null ? Map.of() : ratings);
    }

    public static CountedAnswer of(FeedbackSubmitted submitted) {
        return new CountedAnswer(submitted.eventId(), submitted.ratings(), submitted.hope(),
                submitted.harmReported(), submitted.language(), submitted.mode());
    }
}
