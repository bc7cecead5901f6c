package org.peerpulse.bench.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionContribution;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

/**
 * What one event adds to its day rollup, as metrics-service counts it (its {@code DayCounts}: a session's counters,
 * an answer's item and hope tallies, a void or a withdrawal the same with every counter negated), in a fixed
 * layout of longs so that the peer's store holds one small array per rollup. The day is the session's day in UTC:
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
                    answer.ratings(), answer.hope(), answer.harmReported(), 1);
        }
        if (event instanceof FeedbackWithdrawn withdrawn) {
            return answer(withdrawn.agencyId(), withdrawn.programId(), withdrawn.specialistId(), withdrawn.sessionAt(),
                    withdrawn.ratings(), withdrawn.hope(), withdrawn.harmReported(), -1);
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
        return new RollupIncrement(key(agency, program, specialist, sessionAt), counts);
    }

    private static RollupIncrement answer(String agency, String program, String specialist, Instant sessionAt,
            Map<String, Integer> ratings, Integer hope, boolean harmReported, int sign) {
        long[] counts = new long[RollupCounts.SIZE];
        counts[RollupCounts.RESPONSES] = sign;
        counts[RollupCounts.HARM_REPORTS] = harmReported ? sign : 0;
        if (hope != null) {
            counts[RollupCounts.HOPE + rating(hope)] += sign;
        }
        ratings.forEach((code, rating) -> {
            int item = RATED.indexOf(code);
            counts[item < 0 ? RollupCounts.OTHER_ITEM_ANSWERS : RollupCounts.ITEMS + 5 * item + rating(rating)] += sign;
        });
        return new RollupIncrement(key(agency, program, specialist, sessionAt), counts);
    }

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
