package org.peerpulse.bench.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;

/**
 * The Kafka Streams peer counts what metrics-service counts, worked by hand: a session's counters, an answer's
 * tallies, and a void or a withdrawal taking back exactly what they added, by metrics-service's rollup id.
 */
class RollupIncrementTest {

    private static final Instant SESSION_AT = Instant.parse("2026-11-03T23:30:00Z");
    private static final FrameworkRef FRAMEWORK = new FrameworkRef("peer-core-v1", 1);

    private final SessionLogged logged = new SessionLogged(UUID.randomUUID(), SESSION_AT, "harbor", "s-1", "warm|line",
            "sp-1", SESSION_AT, 45, Channel.PHONE, Activity.NON_PEER_TASK, List.of(FocusArea.WELLNESS), true,
            List.of("KINDNESS"), FRAMEWORK, new SessionLogged.InvitationIssued("ab", SESSION_AT.plusSeconds(60)), null);
    private final FeedbackSubmitted answer = new FeedbackSubmitted(UUID.randomUUID(), SESSION_AT.plusSeconds(3600), "harbor",
            "s-1", "warm|line", "sp-1", SESSION_AT, FRAMEWORK, Map.of("KINDNESS", 4, "SAFE_ATMOSPHERE", 5, "OWN_CODE", 2), 3,
            true, "en", "KIOSK", List.of("KINDNESS"), List.of());

    @Test
    void aSessionCountsOnItsDayInMetricsServicesRollup() {
        RollupIncrement increment = RollupIncrement.of(logged);

        assertThat(increment.rollup()).isEqualTo("harbor|warm%7Cline|sp-1|2026-11-03");
        long[] c = increment.counts();
        assertThat(c[RollupCounts.SESSIONS]).isEqualTo(1);
        assertThat(c[RollupCounts.INVITATIONS]).isEqualTo(1);
        assertThat(c[RollupCounts.MINUTES]).isEqualTo(45);
        assertThat(c[RollupCounts.PEER_MINUTES]).isZero();
        assertThat(c[RollupCounts.SESSIONS_WITH_STRENGTHS]).isEqualTo(1);
        assertThat(c[RollupCounts.RECOVERY_FOCUS_SESSIONS]).isEqualTo(1);
        assertThat(c[RollupCounts.RESPONSES]).isZero();
    }

    @Test
    void aSessionLoggedWithoutAnInvitationCountsNoneAndItsVoidTakesNoneBack() {
        SessionLogged uninvited = new SessionLogged(UUID.randomUUID(), SESSION_AT, "harbor", "s-2", "warm|line", "sp-1",
                SESSION_AT, 45, Channel.PHONE, Activity.PEER_SUPPORT, List.of(FocusArea.WELLNESS), true, List.of("KINDNESS"),
                FRAMEWORK, null, null);
        SessionVoided voided = new SessionVoided(UUID.randomUUID(), SESSION_AT.plusSeconds(7200), "harbor", "s-2",
                "warm|line", "sp-1", SESSION_AT, uninvited.contribution());

        long[] session = RollupIncrement.of(uninvited).counts();
        assertThat(session[RollupCounts.SESSIONS]).isEqualTo(1);
        assertThat(session[RollupCounts.INVITATIONS]).isZero();
        assertThat(session[RollupCounts.MINUTES]).isEqualTo(45);
        long[] voiding = RollupIncrement.of(voided).counts();
        assertThat(voiding[RollupCounts.SESSIONS]).isEqualTo(-1);
        assertThat(voiding[RollupCounts.INVITATIONS]).isZero();
        assertThat(RollupCounts.add(session, voiding)).containsOnly(0L);
    }

    @Test
    void anAnswerTalliesItsRatingsHopeAndHarm() {
        long[] c = RollupIncrement.of(answer).counts();

        assertThat(c[RollupCounts.RESPONSES]).isEqualTo(1);
        assertThat(c[RollupCounts.HARM_REPORTS]).isEqualTo(1);
        assertThat(c[RollupCounts.HOPE + 2]).isEqualTo(1);
        assertThat(c[RollupCounts.ITEMS + 5 * RollupIncrement.RATED.indexOf("KINDNESS") + 3]).isEqualTo(1);
        assertThat(c[RollupCounts.ITEMS + 5 * RollupIncrement.RATED.indexOf("SAFE_ATMOSPHERE") + 4]).isEqualTo(1);
        assertThat(c[RollupCounts.OTHER_ITEM_ANSWERS]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(c).sum()).isEqualTo(6);
    }

    @Test
    void aVoidAndAWithdrawalTakeBackExactlyWhatTheyAdded() {
        SessionVoided voided = new SessionVoided(UUID.randomUUID(), SESSION_AT.plusSeconds(7200), "harbor", "s-1",
                "warm|line", "sp-1", SESSION_AT, logged.contribution());
        FeedbackWithdrawn withdrawn = FeedbackWithdrawn.of(answer, FeedbackWithdrawn.SESSION_VOIDED, UUID.randomUUID(),
                SESSION_AT.plusSeconds(7200));

        long[] total = new long[RollupCounts.SIZE];
        for (var event : List.of(logged, answer, voided, withdrawn)) {
            RollupIncrement increment = RollupIncrement.of(event);
            assertThat(increment.rollup()).isEqualTo("harbor|warm%7Cline|sp-1|2026-11-03");
            RollupCounts.add(total, increment.counts());
        }

        assertThat(total).containsOnly(0L);
    }

    @Test
    void theStoreSerdeKeepsEveryCounter() {
        long[] counts = RollupIncrement.of(answer).counts();
        var serde = RollupCounts.serde();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", counts))).containsExactly(counts);
    }
}
