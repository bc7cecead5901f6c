package org.peerpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.contracts.Topics;

/** The backlog is real use's mix, in the order the services publish it, on every partition alike. */
class BacklogTest {

    @Test
    void theAgenciesCoverEveryPartitionAlikeHarborFirst() {
        List<String> agencies = Pipeline.agenciesCovering(3, 12);

        assertThat(agencies).hasSize(12).first().isEqualTo("harbor");
        Map<Integer, Long> perPartition = agencies.stream()
                .collect(Collectors.groupingBy(agency -> Pipeline.partition(agency, 3), Collectors.counting()));
        assertThat(perPartition).containsOnlyKeys(0, 1, 2).allSatisfy((partition, count) -> assertThat(count).isEqualTo(4L));
    }

    @Test
    void aSessionsEventsComeInTheOrderTheirServicesPublishThem() {
        SyntheticMonth month = new SyntheticMonth("harbor", 3, 4, LocalDate.of(2026, 11, 30), 28);
        Map<Class<?>, Long> kinds = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            SyntheticMonth.RealUse session = month.realUse(i, i % 28);
            var events = session.events();
            assertThat(events.get(0)).isInstanceOf(SessionLogged.class);
            if (session.withdrawn() != null) {
                assertThat(session.voided()).isNotNull();
                assertThat(session.withdrawn().withdrawnEventId()).isEqualTo(session.answered().eventId());
                assertThat(events.indexOf(session.withdrawn())).isGreaterThan(events.indexOf(session.answered()));
            }
            if (session.voided() != null) {
                assertThat(session.voided().contributed()).isEqualTo(session.logged().contribution());
                assertThat(session.voided().contributed().invitations()).isZero();
            }
            events.forEach(event -> kinds.merge(event.getClass(), 1L, Long::sum));
        }

        assertThat(kinds.get(FeedbackSubmitted.class)).isBetween(16_600L, 17_400L);
        assertThat(kinds.get(SessionVoided.class)).isBetween(300L, 500L);
        assertThat(kinds.get(FeedbackWithdrawn.class)).isBetween(250L, 430L);
        assertThat(KafkaLoad.topicOf(month.realUse(1, 1).logged())).isEqualTo(Topics.SESSIONS);
        assertThat(Backlog.EVENTS_PER_SESSION).isCloseTo(1.887, org.assertj.core.data.Offset.offset(0.001));
    }

    /**
     * The bulk backlogs' sessions issue no invitation (their answers go straight onto the feedback topic), so
     * feedback-service stores nothing for them and their contributions, and the voids built from them, count none;
     * a session as the smaller loads send it still carries one, as a session logged over HTTP does.
     */
    @Test
    void theBacklogsSessionsCarryNoInvitationAndCountNone() {
        SyntheticMonth month = new SyntheticMonth("harbor", 3, 4, LocalDate.of(2026, 11, 30), 28);
        long voided = 0;
        for (int i = 0; i < 5_000; i++) {
            SyntheticMonth.RealUse session = month.realUse(i, i % 28);
            assertThat(session.logged().invitation()).isNull();
            assertThat(session.logged().contribution().invitations()).isZero();
            if (session.voided() != null) {
                voided++;
                assertThat(session.voided().contributed().invitations()).isZero();
            }
        }
        assertThat(voided).isPositive();

        SessionLogged likeOverHttp = month.session(0).logged();
        assertThat(likeOverHttp.invitation()).isNotNull();
        assertThat(likeOverHttp.invitation().tokenHash()).matches("[0-9a-f]{64}");
        assertThat(likeOverHttp.contribution().invitations()).isEqualTo(1);
    }
}
