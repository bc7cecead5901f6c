package org.peerpulse.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A participant answered the form for a session. Carries the session's dimensions so that metrics never
 * has to join streams, and never the participant, the token, the comment or the harm follow-up text.
 *
 * @param ratings item code to a rating 1–5; items the participant preferred not to answer are absent
 * @param hope 1–5, or {@code null} when not answered
 * @param harmReported the answer to the do-no-harm question; {@code true} is a harm report
 * @param language the form language the participant used, such as {@code en} or {@code es}
 * @param mode how the form was collected: {@code OWN_DEVICE} or {@code KIOSK}
 * @param valuesPracticed the value codes the session's specialist said they practiced in it: their own
 *     reflection, a dimension of the session like its program, never anything the participant said
 * @param itemsAsked the item codes the participant's form asked (values and principles; hope and the
 *     harm question are always asked), fixed when the invitation was learned; empty in answers written
 *     before forms could rotate, whose form asked every item of the framework
 */
public record FeedbackSubmitted(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        String sessionId,
        String programId,
        String specialistId,
        Instant sessionAt,
        FrameworkRef framework,
        Map<String, Integer> ratings,
        Integer hope,
        boolean harmReported,
        String language,
        String mode,
        List<String> valuesPracticed,
        List<String> itemsAsked) implements PeerPulseEvent {

    public FeedbackSubmitted {
        PeerPulseEvent.requireIdentity(eventId, occurredAt, agencyId);
        ratings = Map.copyOf(ratings == null ? Map.of() : ratings);
        // Written before the field was added: the answer says nothing about the specialist's reflection.
        valuesPracticed = List.copyOf(valuesPracticed == null ? List.of() : valuesPracticed);
        itemsAsked = List.copyOf(itemsAsked == null ? List.of() : itemsAsked);
    }

    /**
     * The id of the alert that this answer's harm report opens in metrics-service. feedback-service finds
     * the participant's own words by it, so a quality lead follows the alert to them; the same answer,
     * read any number of times, names the same alert.
     */
    public static UUID harmAlertId(UUID feedbackEventId) {
        return UUID.nameUUIDFromBytes(("harm-report:" + feedbackEventId).getBytes(StandardCharsets.UTF_8));
    }
}
