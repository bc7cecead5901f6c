package org.peerpulse.bench.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

/**
 * What one event adds to its day rollup, as metrics-service counts it (its {@code DayCounts}: a session's counters
 * and the values its specialist practiced; an answer's item and hope tallies, the forms that asked each item, the
 * tallies by collection mode and the ratings of practiced values; a void or a withdrawal the same with every
 * counter negated), in a fixed layout of longs so that the peer's store holds one small array per rollup. The day is the session's day in UTC:
 * the benchmark's agencies set no time zone.
 *
 * @param rollup {@code agency|program|specialist|yyyy-MM-dd}, metrics-service's rollup id
 * @param counts the signed increment, in the layout of {@link RollupCounts}
 */
public record RollupIncrement(String rollup, long[] counts) {

    /** The rated items (values and principles) of the default framework, each with five counters. */
    static final List<String> RATED = Frameworks.PEER_CORE_V1.items().stream()
            .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
            .map(FrameworkItem::code)
            .toList();

    /** The collection modes metrics-service tells apart; an answer with another or none counts in the totals only. */
    static final List<String> MODES = List.of("OWN_DEVICE", "KIOSK");

    private static final Map<String, Integer> RATED_INDEX = IntStream.range(0, RATED.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(RATED::get, i -> i));

    public static RollupIncrement of(PeerPulseEvent event) {
        if (event instanceof SessionLogged logged) {
            return session(logged.agencyId(), logged.programId(), logged.specialistId(), logged.sessionAt(),
                    logged.contribution(), 1);
        }
        if (event instanceof SessionVoided voided) {
            return session(voided.agencyId(), voided.programId(), voided.specialistId(), voided.sessionAt(),
                    voided.contributed(), -1);
        }
        if (event instanceof FeedbackSubmitted answer) {
            return answer(answer.agencyId(), answer.programId(), answer.specialistId(), answer.sessionAt(),
                    answer.framework(), answer.ratings(), answer.hope(), answer.harmReported(), answer.mode(),
                    answer.valuesPracticed(), answer.itemsAsked(), 1);
        }
        if (event instanceof FeedbackWithdrawn withdrawn) {
            return answer(withdrawn.agencyId(), withdrawn.programId(), withdrawn.specialistId(), withdrawn.sessionAt(),
                    withdrawn.framework(), withdrawn.ratings(), withdrawn.hope(), withdrawn.harmReported(),
                    withdrawn.mode(), withdrawn.valuesPracticed(), withdrawn.itemsAsked(), -1);
        }
        throw new IllegalArgumentException("not counted: " + event.getClass().getSimpleName());
    }

    private static RollupIncrement session(String agency, String program, String specialist, Instant sessionAt,
            SessionContribution contribution, int sign) {
        long[] counts = new long[RollupCounts.SIZE];
        int minutes = contribution.durationMinutes();
        boolean peerWork = contribution.activity() != null && contribution.activity().isPeerWork();
        counts[RollupCounts.SESSIONS] = sign;
        counts[RollupCounts.INVITATIONS] = (long) sign * contribution.invitations();
        counts[RollupCounts.MINUTES] = (long) sign * minutes;
        counts[RollupCounts.PEER_MINUTES] = peerWork ? (long) sign * minutes : 0;
        counts[RollupCounts.SESSIONS_WITH_STRENGTHS] = contribution.strengthsAcknowledged() ? sign : 0;
        counts[RollupCounts.RECOVERY_FOCUS_SESSIONS] = contribution.focusAreas().stream()
                .anyMatch(FocusArea::isRecoveryFocus) ? sign : 0;
        // Each value practiced once per session, as metrics-service's map of practiced sessions keeps it.
        List<String> practiced = contribution.valuesPracticed();
        for (int i = 0; i < practiced.size(); i++) {
            String code = practiced.get(i);
            if (practiced.indexOf(code) == i) {
                Integer item = RATED_INDEX.get(code);
                counts[item == null ? RollupCounts.OTHER_PRACTICED : RollupCounts.PRACTICED_SESSIONS + item] += sign;
            }
        }
        return new RollupIncrement(key(agency, program, specialist, sessionAt), counts);
    }

    private static RollupIncrement answer(String agency, String program, String specialist, Instant sessionAt,
            FrameworkRef framework, Map<String, Integer> ratings, Integer hope, boolean harmReported, String mode,
            List<String> valuesPracticed, List<String> itemsAsked, int sign) {
        long[] counts = new long[RollupCounts.SIZE];
        int modeIndex = mode == null ? -1 : MODES.indexOf(mode);
        int modeBlock = modeIndex < 0 ? -1 : RollupCounts.mode(modeIndex);
        counts[RollupCounts.RESPONSES] = sign;
        counts[RollupCounts.HARM_REPORTS] = harmReported ? sign : 0;
        if (hope != null) {
            int tally = rating(hope);
            counts[RollupCounts.HOPE + tally] += sign;
            if (modeBlock >= 0) {
                counts[modeBlock + RollupCounts.MODE_HOPE + tally] += sign;
            }
        }
        boolean[] asked = new boolean[RATED.size()];
        List<String> otherAsked = null;
        for (Map.Entry<String, Integer> rated : ratings.entrySet()) {
            Integer item = RATED_INDEX.get(rated.getKey());
            int tally = rating(rated.getValue());
            if (item == null) {
                counts[RollupCounts.OTHER_ITEM_ANSWERS] += sign;
                if (modeBlock >= 0) {
                    counts[modeBlock + RollupCounts.MODE_OTHER_ITEM_ANSWERS] += sign;
                }
                otherAsked = otherAsked == null ? new ArrayList<>() : otherAsked;
                otherAsked.add(rated.getKey());
            }
            else {
                counts[RollupCounts.ITEMS + 5 * item + tally] += sign;
                if (modeBlock >= 0) {
                    counts[modeBlock + RollupCounts.MODE_ITEMS + 5 * item + tally] += sign;
                }
                asked[item] = true;
            }
        }
        // Forms asked (decision 0018): the listed items, or for an answer from before rotation every value and
        // principle of its framework; an item rated was asked whatever the list says; each once per form.
        for (String code : asked(framework, itemsAsked)) {
            Integer item = RATED_INDEX.get(code);
            if (item != null) {
                asked[item] = true;
            }
            else if (otherAsked == null || !otherAsked.contains(code)) {
                otherAsked = otherAsked == null ? new ArrayList<>() : otherAsked;
                otherAsked.add(code);
            }
        }
        for (int item = 0; item < asked.length; item++) {
            if (asked[item]) {
                counts[RollupCounts.ASKED + item] += sign;
            }
        }
        counts[RollupCounts.OTHER_ASKED] = otherAsked == null ? 0 : (long) sign * otherAsked.size();
        // Only a practiced value's own rating, once per value.
        for (int i = 0; i < valuesPracticed.size(); i++) {
            String code = valuesPracticed.get(i);
            Integer rating = ratings.get(code);
            if (rating != null && valuesPracticed.indexOf(code) == i) {
                Integer item = RATED_INDEX.get(code);
                counts[item == null ? RollupCounts.OTHER_PRACTICED
                        : RollupCounts.PRACTICED_ITEMS + 5 * item + rating(rating)] += sign;
            }
        }
        return new RollupIncrement(key(agency, program, specialist, sessionAt), counts);
    }

    /** metrics-service's {@code AskedItems.of}: the list, or when empty the framework's values and principles. */
    static List<String> asked(FrameworkRef framework, List<String> listed) {
        if (!listed.isEmpty()) {
            return listed;
        }
        if (framework == null || framework.id() == null) {
            return List.of();
        }
        return EVERY_ITEM.computeIfAbsent(framework.id() + '@' + framework.version(), key -> Frameworks
                .find(framework.id(), framework.version())
                .map(found -> found.items().stream()
                        .filter(item -> item.kind() == ItemKind.VALUE || item.kind() == ItemKind.PRINCIPLE)
                        .map(FrameworkItem::code)
                        .toList())
                .orElse(List.of()));
    }

    private static final Map<String, List<String>> EVERY_ITEM = new ConcurrentHashMap<>();

    private static int rating(int rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5");
        }
        return rating - 1;
    }

    /** metrics-service's {@code RollupKey.id()}: a {@code |} or {@code %} inside an id is percent-encoded. */
    static String key(String agency, String program, String specialist, Instant sessionAt) {
        LocalDate day = LocalDate.ofInstant(sessionAt, ZoneOffset.UTC);
        return encode(agency) + '|' + encode(program) + '|' + encode(specialist) + '|' + day;
    }

    private static String encode(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }
}
