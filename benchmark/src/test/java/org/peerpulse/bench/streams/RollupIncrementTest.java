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
 * The Kafka Streams peer counts what metrics-service counts, worked by hand: a session's counters and values
 * practiced, an answer's tallies, the forms that asked each item and the tallies by collection mode (decision 0018,
 * as metrics-service's {@code FormsAskedAndModesTest}), and a void or a withdrawal taking back exactly what they
 * added, by metrics-service's rollup id.
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
        assertThat(c[RollupCounts.PRACTICED_SESSIONS + RollupIncrement.RATED.indexOf("KINDNESS")]).isEqualTo(1);
        assertThat(c[RollupCounts.ASKED + RollupIncrement.RATED.indexOf("KINDNESS")]).isZero();
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
        assertThat(c[RollupCounts.PRACTICED_ITEMS + 5 * RollupIncrement.RATED.indexOf("KINDNESS") + 3]).isEqualTo(1);
        // 6 as before; 13 + 1 forms asked; 4 in the kiosk's tallies; 1 practiced value rated.
        assertThat(java.util.Arrays.stream(c).sum()).isEqualTo(6 + 14 + 4 + 1);
    }

    @Test
    void anAnswerFromBeforeRotationWasAskedEveryValueAndPrincipleAndAnItemItRatedWasAsked() {
        long[] c = RollupIncrement.of(answer).counts();

        assertThat(RollupIncrement.RATED).hasSize(13);
        for (int item = 0; item < RollupIncrement.RATED.size(); item++) {
            assertThat(c[RollupCounts.ASKED + item]).as(RollupIncrement.RATED.get(item)).isEqualTo(1);
        }
        assertThat(c[RollupCounts.OTHER_ASKED]).as("OWN_CODE, rated").isEqualTo(1);
    }

    @Test
    void aRotatedFormCountsOncePerItemItListedOrRated() {
        FeedbackSubmitted rotated = new FeedbackSubmitted(UUID.randomUUID(), SESSION_AT.plusSeconds(3600), "harbor",
                "s-1", "warm|line", "sp-1", SESSION_AT, FRAMEWORK, Map.of("KINDNESS", 5, "NO_STIGMA", 2), null, false,
                "en", "OWN_DEVICE", List.of(), List.of("KINDNESS", "SAFE_ATMOSPHERE", "KINDNESS"));

        long[] c = RollupIncrement.of(rotated).counts();

        long[] asked = java.util.Arrays.copyOfRange(c, RollupCounts.ASKED, RollupCounts.ASKED + 13);
        assertThat(asked).containsOnly(0L, 1L);
        assertThat(java.util.Arrays.stream(asked).sum()).isEqualTo(3);
        assertThat(c[RollupCounts.ASKED + RollupIncrement.RATED.indexOf("KINDNESS")]).isEqualTo(1);
        assertThat(c[RollupCounts.ASKED + RollupIncrement.RATED.indexOf("SAFE_ATMOSPHERE")]).isEqualTo(1);
        assertThat(c[RollupCounts.ASKED + RollupIncrement.RATED.indexOf("NO_STIGMA")]).isEqualTo(1);
        assertThat(c[RollupCounts.OTHER_ASKED]).isZero();
        assertThat(c[RollupCounts.ITEMS + 5 * RollupIncrement.RATED.indexOf("SAFE_ATMOSPHERE") + 4]).isZero();
    }

    @Test
    void theModesSplitTheItemsAndHopeAndAnUnknownModeCountsInTheTotalsOnly() {
        int kiosk = RollupCounts.mode(RollupIncrement.MODES.indexOf("KIOSK"));
        int ownDevice = RollupCounts.mode(RollupIncrement.MODES.indexOf("OWN_DEVICE"));
        long[] c = RollupIncrement.of(answer).counts();

        assertThat(c[kiosk + RollupCounts.MODE_HOPE + 2]).isEqualTo(1);
        assertThat(c[kiosk + RollupCounts.MODE_ITEMS + 5 * RollupIncrement.RATED.indexOf("KINDNESS") + 3]).isEqualTo(1);
        assertThat(c[kiosk + RollupCounts.MODE_ITEMS + 5 * RollupIncrement.RATED.indexOf("SAFE_ATMOSPHERE") + 4])
                .isEqualTo(1);
        assertThat(c[kiosk + RollupCounts.MODE_OTHER_ITEM_ANSWERS]).isEqualTo(1);
        assertThat(java.util.Arrays.copyOfRange(c, ownDevice, ownDevice + RollupCounts.MODE_BLOCK)).containsOnly(0L);

        FeedbackSubmitted unknownMode = new FeedbackSubmitted(UUID.randomUUID(), SESSION_AT.plusSeconds(3600),
                "harbor", "s-1", "warm|line", "sp-1", SESSION_AT, FRAMEWORK, Map.of("KINDNESS", 4), 3, false, "en",
                "CARRIER_PIGEON", List.of(), List.of());
        long[] u = RollupIncrement.of(unknownMode).counts();
        assertThat(u[RollupCounts.HOPE + 2]).isEqualTo(1);
        assertThat(java.util.Arrays.copyOfRange(u, RollupCounts.MODES, RollupCounts.SIZE)).containsOnly(0L);
    }

    @Test
    void aVoidAndAWithdrawalTakeBackExactlyWhatTheyAdded() {
        SessionVoided voided = new SessionVoided(UUID.randomUUID(), SESSION_AT.plusSeconds(7200), "harbor", "s-1",
                "warm|line", "sp-1", SESSION_AT, logged.contribution());
        FeedbackWithdrawn withdrawn = FeedbackWithdrawn.of(answer, FeedbackWithdrawn.SESSION_VOIDED, UUID.randomUUID(),
                SESSION_AT.plusSeconds(7200));

        long[] total = new long[RollupCounts.SIZE];
        FeedbackSubmitted rotated = new FeedbackSubmitted(UUID.randomUUID(), SESSION_AT.plusSeconds(3600), "harbor",
                "s-1", "warm|line", "sp-1", SESSION_AT, FRAMEWORK, Map.of("KINDNESS", 5), 4, false, "en", "OWN_DEVICE",
                List.of("KINDNESS"), List.of("KINDNESS", "COURAGE"));
        FeedbackWithdrawn rotatedWithdrawn = FeedbackWithdrawn.of(rotated, FeedbackWithdrawn.SESSION_VOIDED,
                UUID.randomUUID(), SESSION_AT.plusSeconds(7200));
        for (var event : List.of(logged, answer, rotated, voided, withdrawn, rotatedWithdrawn)) {
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
