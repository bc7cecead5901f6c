package org.peerpulse.indicators.dashboards.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.CollectionMode;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.ModeCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * Forms asked and the split by collection mode on the dashboard, worked by hand, then an independent check
 * that no hidden mode cell can be worked out from what is shown.
 *
 * <pre>
 * one day, k = 5, sp-rivera in warmline:
 *              own device      kiosk       total    asked
 * KINDNESS     5 5 5 4 4 4     4 4 3 3 2   11       14
 * EMPATHY      4 4 4 4 4 4 4   5 5         9        14
 * GENTLENESS   1 1                         2        3
 * HOPE         5 5 4 4 4 4     3 3 3 3 3   11
 * </pre>
 */
class ByModeAndAskedTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final DateRange RANGE = new DateRange(DAY, DAY);
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");

    private static final List<CellRollup> ONE_CELL = List.of(new CellRollup(RIVERA, DAY, counts(11,
            Map.of("KINDNESS", tally(5, 5, 5, 4, 4, 4), "EMPATHY", tally(4, 4, 4, 4, 4, 4, 4), "GENTLENESS", tally(1, 1)),
            tally(5, 5, 4, 4, 4, 4),
            Map.of("KINDNESS", tally(4, 4, 3, 3, 2), "EMPATHY", tally(5, 5)),
            tally(3, 3, 3, 3, 3),
            Map.of("KINDNESS", 14L, "EMPATHY", 14L, "GENTLENESS", 3L))));

    @Test
    void anItemSaysOnHowManyFormsItWasAskedUnlessItIsHidden() {
        Dashboard dashboard = agency(ONE_CELL, 5);

        assertThat(dashboard.askedOf("KINDNESS")).isEqualTo(14);
        assertThat(dashboard.askedOf("EMPATHY")).isEqualTo(14);
        assertThat(item(dashboard.items(), "GENTLENESS").suppressed()).isTrue();
        assertThat(dashboard.askedOf("GENTLENESS")).as("hidden with its item").isNull();
        assertThat(dashboard.askedOf("COURAGE")).as("asked on no form, no answers: fewer than k").isNull();
    }

    @Test
    void bothModesOfAnItemShowWhenEachPassesKAndNeitherWhenOneDoesNot() {
        Dashboard dashboard = agency(ONE_CELL, 5);
        ModeScores ownDevice = mode(dashboard, CollectionMode.OWN_DEVICE);
        ModeScores kiosk = mode(dashboard, CollectionMode.KIOSK);

        assertThat(dashboard.byMode()).extracting(ModeScores::mode)
                .containsExactly(CollectionMode.OWN_DEVICE, CollectionMode.KIOSK);
        assertThat(item(ownDevice.items(), "KINDNESS")).isEqualTo(new ItemScore("KINDNESS",
                org.peerpulse.contracts.ItemKind.VALUE, 6L, 4.5, 1.0, List.of(0L, 0L, 0L, 3L, 3L), false));
        assertThat(item(kiosk.items(), "KINDNESS")).isEqualTo(new ItemScore("KINDNESS",
                org.peerpulse.contracts.ItemKind.VALUE, 5L, 3.2, 0.4, List.of(0L, 1L, 2L, 2L, 0L), false));
        assertThat(ownDevice.hope().mean()).isEqualTo(4.33);
        assertThat(kiosk.hope().mean()).isEqualTo(3.0);
        // Seven own-device answers would pass k, but two kiosk ones do not: both are hidden, or 9 − 7 gives 2 back.
        assertThat(item(dashboard.items(), "EMPATHY").suppressed()).isFalse();
        assertThat(item(ownDevice.items(), "EMPATHY").suppressed()).isTrue();
        assertThat(item(kiosk.items(), "EMPATHY").suppressed()).isTrue();
        assertThat(item(ownDevice.items(), "EMPATHY").responses()).isNull();
        assertThat(item(ownDevice.items(), "GENTLENESS").suppressed()).isTrue();
        assertThat(item(kiosk.items(), "GENTLENESS").suppressed()).isTrue();
    }

    @Test
    void aModeShownElsewhereIsHiddenTooWhenItWouldGiveBackAHiddenOne() {
        // warmline 6 + 6 kiosk/own, navigation 6 own and 2 kiosk: navigation's pair is hidden, so warmline's kiosk
        // must not stand beside the agency's, or 8 − 6 gives navigation's 2 back.
        List<CellRollup> twoPrograms = List.of(
                new CellRollup(RIVERA, DAY, kindness(6, 6)),
                new CellRollup(new Cell("harbor", "navigation", "sp-chen"), DAY, kindness(6, 2)));
        AgencyDashboards dashboards = AgencyDashboards.of("harbor", RANGE, Granularity.DAY, twoPrograms,
                Frameworks.PEER_CORE_V1, new SmallCellRule(5));

        Disclosure disclosure = dashboards.disclosure();
        for (Scope scope : List.of(Scope.agency("harbor"), Scope.program("warmline"), Scope.program("navigation"),
                Scope.specialist("sp-rivera"), Scope.specialist("sp-chen"))) {
            assertThat(disclosure.hides(Disclosure.inMode(CollectionMode.KIOSK, "KINDNESS"), scope,
                    AgencyDashboards.RANGE)).as(scope.toString()).isEqualTo(disclosure.hides(
                            Disclosure.inMode(CollectionMode.OWN_DEVICE, "KINDNESS"), scope, AgencyDashboards.RANGE));
        }
        assertThat(disclosure.hides(Disclosure.inMode(CollectionMode.KIOSK, "KINDNESS"), Scope.program("navigation"),
                AgencyDashboards.RANGE)).isTrue();
        assertNothingHiddenFollows(twoPrograms, disclosure, "two programs");
    }

    /**
     * Over many random agencies, every shown KINDNESS count (the item's total and each mode's, per scope) is an
     * equation in the unknown per-cell, per-mode counts; no hidden mode count with answers may follow from them.
     */
    @Test
    void noHiddenModeCountFollowsFromTheShownOnesInRandomAgencies() {
        Random random = new Random(20261208);
        for (int agency = 0; agency < 300; agency++) {
            int programs = 1 + random.nextInt(3);
            int people = 1 + random.nextInt(3);
            List<CellRollup> rollups = new ArrayList<>();
            for (int p = 0; p < programs; p++) {
                for (int s = 0; s < people; s++) {
                    if (random.nextInt(3) > 0) {
                        rollups.add(new CellRollup(new Cell("harbor", "p" + p, "s" + s), DAY,
                                kindness(random.nextInt(9), random.nextInt(9))));
                    }
                }
            }
            if (rollups.isEmpty()) {
                continue;
            }
            Disclosure disclosure = AgencyDashboards.of("harbor", RANGE, Granularity.DAY, rollups,
                    Frameworks.PEER_CORE_V1, new SmallCellRule(3 + random.nextInt(3))).disclosure();
            assertNothingHiddenFollows(rollups, disclosure, "agency " + agency);
        }
    }

    private static void assertNothingHiddenFollows(List<CellRollup> rollups, Disclosure disclosure, String name) {
        CollectionMode[] modes = CollectionMode.values();
        // Unknowns: each cell's KINDNESS count in each mode.
        int unknowns = rollups.size() * modes.length;
        List<Scope> scopes = new ArrayList<>(List.of(Scope.agency("harbor")));
        rollups.stream().map(r -> Scope.program(r.cell().programId())).distinct().forEach(scopes::add);
        rollups.stream().map(r -> Scope.specialist(r.cell().specialistId())).distinct().forEach(scopes::add);
        List<long[]> shown = new ArrayList<>();
        Map<String, long[]> hidden = new HashMap<>();
        for (Scope scope : scopes) {
            long[] total = new long[unknowns];
            Map<CollectionMode, long[]> byMode = new EnumMap<>(CollectionMode.class);
            Map<CollectionMode, Long> answers = new EnumMap<>(CollectionMode.class);
            for (CollectionMode mode : modes) {
                byMode.put(mode, new long[unknowns]);
                answers.put(mode, 0L);
            }
            for (int cell = 0; cell < rollups.size(); cell++) {
                if (Indicators.contains(scope, rollups.get(cell).cell())) {
                    for (int m = 0; m < modes.length; m++) {
                        total[cell * modes.length + m] = 1;
                        byMode.get(modes[m])[cell * modes.length + m] = 1;
                        answers.merge(modes[m],
                                rollups.get(cell).counts().mode(modes[m]).item("KINDNESS").responses(), Long::sum);
                    }
                }
            }
            if (!disclosure.hides("KINDNESS", scope, AgencyDashboards.RANGE)) {
                shown.add(total);
            }
            for (CollectionMode mode : modes) {
                if (!disclosure.hides(Disclosure.inMode(mode, "KINDNESS"), scope, AgencyDashboards.RANGE)) {
                    shown.add(byMode.get(mode));
                } else if (answers.get(mode) > 0) {
                    hidden.put(scope + " " + mode, byMode.get(mode));
                }
            }
        }
        int rank = DisclosureTest.rank(shown);
        hidden.forEach((cell, equation) -> {
            List<long[]> with = new ArrayList<>(shown);
            with.add(equation);
            assertThat(DisclosureTest.rank(with)).as("%s: %s follows from what is shown", name, cell)
                    .isEqualTo(rank + 1);
        });
    }

    private static DayCounts kindness(int ownDevice, int kiosk) {
        RatingTally own = RatingTally.NONE;
        for (int i = 0; i < ownDevice; i++) {
            own = own.with(4);
        }
        RatingTally shared = RatingTally.NONE;
        for (int i = 0; i < kiosk; i++) {
            shared = shared.with(3);
        }
        return counts(ownDevice + kiosk, Map.of("KINDNESS", own.plus(shared)), own, Map.of("KINDNESS", shared), shared,
                Map.of("KINDNESS", (long) (ownDevice + kiosk)));
    }

    private static DayCounts counts(int responses, Map<String, RatingTally> ownDevice, RatingTally ownDeviceHope,
            Map<String, RatingTally> kiosk, RatingTally kioskHope, Map<String, Long> asked) {
        Map<String, RatingTally> items = new HashMap<>(ownDevice);
        kiosk.forEach((code, tally) -> items.merge(code, tally, RatingTally::plus));
        return new DayCounts(responses, responses, 0, 0, 0, 0, responses, items, ownDeviceHope.plus(kioskHope), 0,
                Map.of(), Map.of(), asked, Map.of(CollectionMode.OWN_DEVICE, new ModeCounts(ownDevice, ownDeviceHope),
                        CollectionMode.KIOSK, new ModeCounts(kiosk, kioskHope)));
    }

    private static Dashboard agency(List<CellRollup> rollups, int k) {
        return Dashboard.compute("harbor", Scope.agency("harbor"), RANGE, Granularity.DAY, rollups,
                Frameworks.PEER_CORE_V1, new SmallCellRule(k));
    }

    private static ModeScores mode(Dashboard dashboard, CollectionMode mode) {
        return dashboard.byMode().stream().filter(scores -> scores.mode() == mode).findFirst().orElseThrow();
    }

    private static ItemScore item(List<ItemScore> items, String code) {
        return items.stream().filter(item -> item.code().equals(code)).findFirst().orElseThrow();
    }

    private static RatingTally tally(int... ratings) {
        return DashboardTest.tally(ratings);
    }
}
