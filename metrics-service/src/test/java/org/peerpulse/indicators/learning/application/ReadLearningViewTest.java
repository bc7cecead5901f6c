package org.peerpulse.indicators.learning.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.peerpulse.indicators.agencies.domain.InMemoryAgencies;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CellRollup;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.dashboards.application.ReadDashboard;
import org.peerpulse.indicators.dashboards.domain.AgencyRollups;
import org.peerpulse.indicators.dashboards.domain.ItemScore;
import org.peerpulse.indicators.dashboards.domain.Scope;
import org.peerpulse.indicators.learning.domain.LearningRelease;
import org.peerpulse.indicators.learning.domain.LearningReleases;

/**
 * The release rule against a clock the test moves: k = 5, UTC weeks from Monday. Each step adds answers to
 * the rollups and reads the view as the specialist would.
 */
class ReadLearningViewTest {

    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final Cell CHEN = new Cell("harbor", "warmline", "sp-chen");
    private static final Cell ELSEWHERE = new Cell("sunrise", "warmline", "sp-rivera");

    private final MovableClock clock = new MovableClock("2026-11-18T10:00:00Z");
    private final ListRollups rollups = new ListRollups();
    private final ListReleases releases = new ListReleases();
    private final InMemoryAgencies agencies = new InMemoryAgencies();
    private final ReadLearningView learning = new ReadLearningView(
            new ReadDashboard(rollups, agencies, agencies.calendar(), clock), rollups, releases, agencies,
            agencies.calendar(), clock);

    @Test
    void releasesOnlyOnceAWeekAndOnlyAfterAtLeastKNewAnswers() {
        rollups.add(CHEN, "2026-11-10", 6);
        rollups.add(ELSEWHERE, "2026-11-10", 9);
        rollups.add(RIVERA, "2026-11-10", 4);

        LearningAnswer fewerThanK = learning.read("harbor", "sp-rivera");
        assertThat(fewerThanK.release()).isEmpty();
        assertThat(fewerThanK.k()).isEqualTo(5);
        assertThat(fewerThanK.nextWeek()).isEqualTo(LocalDate.parse("2026-11-23"));

        rollups.add(RIVERA, "2026-11-12", 1);
        LearningRelease first = learning.read("harbor", "sp-rivera").release().orElseThrow();
        assertThat(first.week()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(first.answersCounted()).isEqualTo(5);
        assertThat(first.view().responses()).isEqualTo(5);
        assertThat(first.view().from()).isEqualTo(LocalDate.parse("2025-11-15"));
        assertThat(first.view().to()).isEqualTo(LocalDate.parse("2026-11-15"));
        assertStrengthsFirst(first);

        rollups.add(RIVERA, "2026-11-13", 7);
        rollups.add(RIVERA, "2026-11-17", 3);
        clock.set("2026-11-22T23:59:59Z");
        assertThat(learning.read("harbor", "sp-rivera").release()).contains(first);

        clock.set("2026-11-23T00:00:00Z");
        LearningRelease second = learning.read("harbor", "sp-rivera").release().orElseThrow();
        assertThat(second.week()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(second.answersCounted()).isEqualTo(15);
        assertThat(second.view().responses()).isEqualTo(15);
        assertThat(second.view().to()).isEqualTo(LocalDate.parse("2026-11-22"));
        assertStrengthsFirst(second);

        rollups.add(RIVERA, "2026-11-24", 4);
        clock.set("2026-12-02T12:00:00Z");
        assertThat(learning.read("harbor", "sp-rivera").release()).contains(second);
        assertThat(releases.stored).hasSize(2);
    }

    @Test
    void theReleaseWeekFollowsTheAgencysTimeZone() {
        InMemoryAgencies honolulu = InMemoryAgencies.inZone("harbor", ZoneId.of("Pacific/Honolulu"));
        ReadLearningView inHonolulu = new ReadLearningView(
                new ReadDashboard(rollups, honolulu, honolulu.calendar(), clock), rollups, releases, honolulu,
                honolulu.calendar(), clock);
        rollups.add(RIVERA, "2026-11-10", 5);
        // Monday 05:00 UTC is still Sunday in Honolulu: the week of the 16th.
        clock.set("2026-11-23T05:00:00Z");
        assertThat(inHonolulu.read("harbor", "sp-rivera").release().orElseThrow().week())
                .isEqualTo(LocalDate.parse("2026-11-16"));
    }

    private static void assertStrengthsFirst(LearningRelease release) {
        assertThat(release.view().signatureStrengths()).startsWith("KINDNESS", "EMPATHY");
        List<ItemScore> shown = release.view().items().stream().filter(item -> !item.suppressed()).toList();
        assertThat(shown).extracting(ItemScore::code).startsWith("KINDNESS", "EMPATHY", "NO_STIGMA");
        assertThat(shown).extracting(ItemScore::mean).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(release.view().items().subList(shown.size(), release.view().items().size()))
                .allMatch(ItemScore::suppressed);
        assertThat(release.view().hope().mean()).isEqualTo(4.0);
    }

    /** {@code answers} forms on {@code day}, each rating kindness 5, empathy 4, no stigma 3, hope 4, one harm. */
    private static DayCounts answers(int answers) {
        return new DayCounts(answers, answers, 30L * answers, 30L * answers, 0, 0, answers,
                Map.of("KINDNESS", new RatingTally(0, 0, 0, 0, answers),
                        "EMPATHY", new RatingTally(0, 0, 0, answers, 0),
                        "NO_STIGMA", new RatingTally(0, 0, answers, 0, 0)),
                new RatingTally(0, 0, 0, answers, 0), 1);
    }

    private static final class ListRollups implements AgencyRollups {

        final List<CellRollup> rollups = new ArrayList<>();

        void add(Cell cell, String day, int answers) {
            rollups.add(new CellRollup(cell, LocalDate.parse(day), answers(answers)));
        }

        @Override
        public List<CellRollup> findAll(String agencyId, LocalDate from, LocalDate to) {
            return rollups.stream().filter(rollup -> rollup.cell().agencyId().equals(agencyId))
                    .filter(rollup -> !rollup.day().isBefore(from) && !rollup.day().isAfter(to)).toList();
        }

        @Override
        public boolean knows(String agencyId, Scope scope) {
            return true;
        }
    }

    private static final class ListReleases implements LearningReleases {

        final List<LearningRelease> stored = new ArrayList<>();

        @Override
        public Optional<LearningRelease> latest(String agencyId, String specialistId) {
            return stored.stream().filter(release -> release.agencyId().equals(agencyId)
                    && release.specialistId().equals(specialistId))
                    .max(Comparator.comparing(LearningRelease::week));
        }

        @Override
        public void add(LearningRelease release) {
            boolean sameWeek = stored.stream().anyMatch(other -> other.agencyId().equals(release.agencyId())
                    && other.specialistId().equals(release.specialistId()) && other.week().equals(release.week()));
            if (!sameWeek) {
                stored.add(release);
            }
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(String now) {
            set(now);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
