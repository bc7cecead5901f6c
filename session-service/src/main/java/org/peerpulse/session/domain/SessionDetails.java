package org.peerpulse.session.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.QualityFramework;

/**
 * What the specialist reports about a session, with the participant already pseudonymised. Rejects what
 * the framework does not know: the values practised must be value items of the session's framework.
 */
public record SessionDetails(
        String agencyId,
        String programId,
        String specialistId,
        String participantPseudonym,
        Instant sessionAt,
        int durationMinutes,
        Channel channel,
        Activity activity,
        List<FocusArea> focusAreas,
        List<String> strengthsNoted,
        List<String> valuesPracticed,
        FrameworkRef framework,
        String loggedBy) {

    public SessionDetails {
        focusAreas = List.copyOf(focusAreas);
        strengthsNoted = List.copyOf(strengthsNoted);
        valuesPracticed = List.copyOf(valuesPracticed);
    }

    /**
     * SHA-256 over every field in a fixed order, each length-prefixed, after the same normalisation that
     * decides what is stored: two requests that would store the same session have the same fingerprint.
     * It covers the pseudonym, never the raw participant reference, so it cannot be used to test guesses
     * of that reference.
     */
    public String fingerprint() {
        return fingerprint(1);
    }

    /**
     * As {@link #fingerprint()}, for a session with {@code attendees}; a single attendee adds nothing, so
     * retry keys stored before group sessions still match.
     */
    public String fingerprint(int attendees) {
        StringBuilder canonical = new StringBuilder();
        if (attendees != 1) {
            appendLengthPrefixed(canonical, "attendees=" + attendees);
        }
        for (Object field : List.of(agencyId, programId, specialistId, participantPseudonym, sessionAt.toString(),
                durationMinutes, channel, activity, focusAreas, strengthsNoted, valuesPracticed, framework.id(),
                framework.version(), String.valueOf(loggedBy))) {
            if (field instanceof List<?> list) {
                canonical.append('[').append(list.size()).append(';');
                list.forEach(element -> appendLengthPrefixed(canonical, element));
            } else {
                appendLengthPrefixed(canonical, field);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void appendLengthPrefixed(StringBuilder canonical, Object field) {
        String text = field.toString();
        canonical.append(text.length()).append(':').append(text).append(';');
    }

    public static SessionDetails of(String agencyId, String programId, String specialistId, String participantPseudonym,
            Instant sessionAt, int durationMinutes, Channel channel, Activity activity, List<FocusArea> focusAreas,
            List<String> strengthsNoted, List<String> valuesPracticed, QualityFramework framework, String loggedBy) {
        if (durationMinutes < 1 || durationMinutes > Session.MAX_DURATION_MINUTES) {
            throw new InvalidSessionException("durationMinutes", "must be between 1 and 480");
        }
        Set<String> valueCodes = framework.itemsOfKind(ItemKind.VALUE).stream().map(FrameworkItem::code)
                .collect(Collectors.toSet());
        List<String> values = valuesPracticed == null ? List.of() : valuesPracticed.stream().distinct().toList();
        if (!valueCodes.containsAll(values)) {
            throw new InvalidSessionException("valuesPracticed", "must be value codes of " + framework.id());
        }
        List<FocusArea> focus = focusAreas == null ? List.of() : focusAreas.stream().distinct().toList();
        List<String> strengths = strengthsNoted == null ? List.of() : strengthsNoted.stream().map(String::strip)
                .distinct().toList();
        return new SessionDetails(agencyId, programId, specialistId, participantPseudonym, sessionAt, durationMinutes,
                channel, activity, focus, strengths, values, framework.ref(), loggedBy);
    }
}
