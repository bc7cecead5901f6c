package org.peerpulse.indicators.counting.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.InvitationsReissued;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CollectionMode;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.IndicatorEvent;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.VoidedSession;
import org.peerpulse.indicators.counting.domain.WithdrawnFeedback;
import org.peerpulse.platform.messaging.UnreadableEventException;

/**
 * The golden samples, as the producers write them, become the facts the indicators count. The four samples
 * are one session's story: a group session with two attendees logged (two links, so two invitations),
 * answered, voided, and the answer withdrawn; what the corrections take out is exactly what the session and
 * the answer put in, so the story adds up to nothing. Fresh links for a session count nothing.
 */
class IndicatorRecordsTest {

    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");
    private static final Instant SESSION_AT = GoldenSamples.SESSION_LOGGED.sessionAt();
    private static final List<String> PRACTICED = List.of("EMPATHY", "KINDNESS");
    private static final List<String> ASKED = List.of("KINDNESS", "EMPATHY", "CAUTION", "COURAGE", "SAFE_ATMOSPHERE",
            "RECOVERY_FOCUS", "GENUINE_ROLE", "NO_STIGMA", "STRENGTH_BASED");

    @Test
    void everyGoldenSampleBecomesWhatItCountsWithItsSign() {
        IndicatorRecords.Counted logged = read(EventTypes.SESSION_LOGGED, SessionLogged.class);
        IndicatorRecords.Counted voided = read(EventTypes.SESSION_VOIDED, SessionVoided.class);
        IndicatorRecords.Counted answered = read(EventTypes.FEEDBACK_SUBMITTED, FeedbackSubmitted.class);
        IndicatorRecords.Counted withdrawn = read(EventTypes.FEEDBACK_WITHDRAWN, FeedbackWithdrawn.class);

        LoggedSession session = new LoggedSession(GoldenSamples.SESSION_LOGGED.eventId(),
                GoldenSamples.SESSION_LOGGED.sessionId(), RIVERA, SESSION_AT, 45, true, true, true, 2, PRACTICED);
        ReceivedFeedback answer = new ReceivedFeedback(GoldenSamples.FEEDBACK_SUBMITTED.eventId(),
                GoldenSamples.FEEDBACK_SUBMITTED.sessionId(), RIVERA, SESSION_AT,
                Map.of("KINDNESS", 5, "EMPATHY", 4, "SAFE_ATMOSPHERE", 5, "NO_STIGMA", 3), 4, false,
                GoldenSamples.FEEDBACK_SUBMITTED.occurredAt(), PRACTICED, ASKED, CollectionMode.OWN_DEVICE);
        assertThat(logged).isEqualTo(new IndicatorRecords.Counted(session, GoldenSamples.SESSION_LOGGED.occurredAt()));
        assertThat(answered).isEqualTo(new IndicatorRecords.Counted(answer,
                GoldenSamples.FEEDBACK_SUBMITTED.occurredAt()));
        assertThat(voided.event()).isEqualTo(new VoidedSession(GoldenSamples.SESSION_VOIDED.eventId(),
                new LoggedSession(GoldenSamples.SESSION_VOIDED.eventId(), session.sessionId(), RIVERA, SESSION_AT, 45,
                        true, true, true, 2, PRACTICED)));
        assertThat(withdrawn.event()).isEqualTo(new WithdrawnFeedback(GoldenSamples.FEEDBACK_WITHDRAWN.eventId(),
                new ReceivedFeedback(answer.eventId(), answer.sessionId(), RIVERA, SESSION_AT, answer.ratings(), 4,
                        false, GoldenSamples.FEEDBACK_WITHDRAWN.occurredAt(), PRACTICED, ASKED,
                        CollectionMode.OWN_DEVICE)));

        assertThat(logged.event().counts()).isEqualTo(new DayCounts(1, 2, 45, 45, 1, 1, 0, Map.of(), null, 0,
                Map.of("EMPATHY", 1L, "KINDNESS", 1L), Map.of()));
        // The answer's rating of each value its session practiced, and only those: SAFE_ATMOSPHERE was not.
        assertThat(answered.event().counts().practicedItems())
                .isEqualTo(Map.of("EMPATHY", RatingTally.of(4), "KINDNESS", RatingTally.of(5)));
        assertThat(answered.event().counts().practicedSessions()).isEmpty();
        assertThat(voided.event().counts().invitations()).isEqualTo(-2);
        DayCounts story = logged.event().counts().plus(answered.event().counts()).plus(voided.event().counts())
                .plus(withdrawn.event().counts());
        assertThat(story.sessions() + story.invitations() + story.minutes() + story.responses() + story.harmReports())
                .isZero();
        assertThat(story.items().values()).hasSize(4).allMatch(RatingTally::isEmpty);
        assertThat(story.hope().isEmpty()).isTrue();
        assertThat(story.practicedSessions()).containsOnlyKeys("EMPATHY", "KINDNESS").containsValues(0L);
        assertThat(answered.event().counts().asked()).containsOnlyKeys(ASKED).containsValues(1L);
        assertThat(story.asked()).containsOnlyKeys(ASKED).containsValues(0L);
        assertThat(story.mode(CollectionMode.OWN_DEVICE).items().values()).hasSize(4).allMatch(RatingTally::isEmpty);
        assertThat(story.mode(CollectionMode.OWN_DEVICE).hope().isEmpty()).isTrue();
        assertThat(story.practicedItems().values()).hasSize(2).allMatch(RatingTally::isEmpty);
        assertThat(List.of(logged, voided, answered, withdrawn)).extracting(read -> read.event().cell())
                .containsOnly(RIVERA);
    }

    @Test
    void fieldsCountingDoesNotReadMayBeAnythingAndNewOnesAreIgnored() {
        String json = GoldenSamples.json(SessionLogged.class)
                .replace("\"channel\": \"PHONE\"", "\"channel\": {\"odd\": [1, {\"x\": null}]}")
                .replaceFirst("\\{", "{\"addedLater\": [1, 2, {\"deep\": true}],");

        IndicatorEvent event = IndicatorRecords.read(record(EventTypes.SESSION_LOGGED, "harbor", json)).orElseThrow()
                .event();

        assertThat(event.eventId()).isEqualTo(GoldenSamples.SESSION_LOGGED.eventId());
        assertThat(event.counts().minutes()).isEqualTo(45);
    }

    @Test
    void recordsWrittenBeforeValuesPracticedWasCarriedCountNoValuePracticed() {
        String logged = GoldenSamples.json(SessionLogged.class).replace("\"valuesPracticed\": [\"EMPATHY\", \"KINDNESS\"],", "");
        String voided = GoldenSamples.json(SessionVoided.class)
                .replace(",\n    \"valuesPracticed\": [\"EMPATHY\", \"KINDNESS\"]", "");
        String answered = GoldenSamples.json(FeedbackSubmitted.class)
                .replace(",\n  \"valuesPracticed\": [\"EMPATHY\", \"KINDNESS\"]", "");
        String withdrawn = GoldenSamples.json(FeedbackWithdrawn.class)
                .replace(",\n  \"valuesPracticed\": [\"EMPATHY\", \"KINDNESS\"]", "");
        assertThat(List.of(logged, voided, answered, withdrawn)).noneMatch(json -> json.contains("valuesPracticed"));

        List<DayCounts> counts = List.of(
                IndicatorRecords.read(record(EventTypes.SESSION_LOGGED, "harbor", logged)).orElseThrow(),
                IndicatorRecords.read(record(EventTypes.SESSION_VOIDED, "harbor", voided)).orElseThrow(),
                IndicatorRecords.read(record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered)).orElseThrow(),
                IndicatorRecords.read(record(EventTypes.FEEDBACK_WITHDRAWN, "harbor", withdrawn)).orElseThrow())
                .stream().map(read -> read.event().counts()).toList();

        assertThat(counts).allSatisfy(count -> {
            assertThat(count.practicedSessions()).isEmpty();
            assertThat(count.practicedItems()).isEmpty();
        });
        assertThat(counts.get(0).sessions()).isEqualTo(1);
        assertThat(counts.get(2).item("KINDNESS")).isEqualTo(RatingTally.of(5));
    }

    @Test
    void anAnswerFromBeforeFormsRotatedWasAskedEveryValueAndPrincipleAndAModeItDoesNotKnowSplitsNothing() {
        String listed = "\"itemsAsked\": [\"KINDNESS\", \"EMPATHY\", \"CAUTION\", \"COURAGE\", \"SAFE_ATMOSPHERE\","
                + " \"RECOVERY_FOCUS\", \"GENUINE_ROLE\", \"NO_STIGMA\", \"STRENGTH_BASED\"]";
        String answered = GoldenSamples.json(FeedbackSubmitted.class);
        assertThat(answered).contains(listed);
        String empty = answered.replace(listed, "\"itemsAsked\": []");
        String missing = answered.replace(",\n  " + listed, "");
        String kiosk = answered.replace("\"OWN_DEVICE\"", "\"KIOSK\"");
        String unknownMode = answered.replace("\"OWN_DEVICE\"", "\"CARRIER_PIGEON\"");
        assertThat(missing).doesNotContain("itemsAsked");

        List<String> everyItem = List.of("GIVING_BACK", "COURAGE", "KINDNESS", "CAUTION", "HELPFULNESS", "CREATIVITY",
                "GENTLENESS", "EMPATHY", "SAFE_ATMOSPHERE", "RECOVERY_FOCUS", "GENUINE_ROLE", "NO_STIGMA",
                "STRENGTH_BASED");
        assertThat(answer(empty).itemsAsked()).isEqualTo(everyItem);
        assertThat(answer(missing).itemsAsked()).isEqualTo(everyItem);
        assertThat(answer(empty).counts().asked()).containsOnlyKeys(everyItem).containsValues(1L);
        assertThat(answer(answered).counts().asked()).containsOnlyKeys(ASKED);
        // Another framework this version does not know: what the answer rated was asked, at least.
        assertThat(answer(empty.replace("peer-core-v1", "sunrise-own-v7")).counts().asked())
                .containsOnlyKeys("KINDNESS", "EMPATHY", "SAFE_ATMOSPHERE", "NO_STIGMA");

        assertThat(answer(kiosk).mode()).isEqualTo(CollectionMode.KIOSK);
        assertThat(answer(kiosk).counts().mode(CollectionMode.KIOSK).item("KINDNESS")).isEqualTo(RatingTally.of(5));
        assertThat(answer(kiosk).counts().mode(CollectionMode.OWN_DEVICE).items()).isEmpty();
        assertThat(answer(unknownMode).mode()).isNull();
        assertThat(answer(unknownMode).counts().modes()).isEmpty();
        assertThat(answer(unknownMode).counts().item("KINDNESS")).isEqualTo(RatingTally.of(5));
    }

    private static ReceivedFeedback answer(String json) {
        return (ReceivedFeedback) IndicatorRecords.read(record(EventTypes.FEEDBACK_SUBMITTED, "harbor", json))
                .orElseThrow().event();
    }

    @Test
    void whatCountingCannotReadIsUnreadableAndNeverQuoted() {
        String logged = GoldenSamples.json(SessionLogged.class);
        String answered = GoldenSamples.json(FeedbackSubmitted.class);
        List<ConsumerRecord<String, String>> bad = List.of(
                record(EventTypes.SESSION_LOGGED, "harbor", "not json secret-token-abc"),
                record(EventTypes.SESSION_LOGGED, "harbor", "[1, 2]"),
                record("org.example.unknown.v1", "harbor", logged),
                record("org.peerpulse.session.logged.v1", "harbor", logged),
                record(EventTypes.SESSION_LOGGED, "sunrise", logged),
                record(EventTypes.SESSION_LOGGED, "harbor", logged.replace("\"eventId\": \"019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d10\",", "")),
                record(EventTypes.SESSION_LOGGED, "harbor", logged.replace("\"durationMinutes\": 45", "\"durationMinutes\": \"secret-token-abc\"")),
                record(EventTypes.SESSION_LOGGED, "harbor", logged.replace("\"durationMinutes\": 45,", "")),
                record(EventTypes.SESSION_LOGGED, "harbor", logged.replace("\"PEER_SUPPORT\"", "\"SLEEPING\"")),
                record(EventTypes.SESSION_VOIDED, "harbor", GoldenSamples.json(SessionVoided.class)
                        .replaceAll("(?s)\"contributed\": \\{.*?\\}", "\"contributed\": null")),
                record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered.replace("\"harmReported\": false,", "")),
                record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered.replace("\"KINDNESS\": 5", "\"KINDNESS\": 9")),
                record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered.replace("\"KINDNESS\": 5", "\"$where\": 5")),
                record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered.replace("[\"EMPATHY\", \"KINDNESS\"]", "[\"$where\"]")),
                record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered.replace("\"itemsAsked\": [\"KINDNESS\"",
                        "\"itemsAsked\": [\"$where\"")),
                record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered.replace("\"mode\": \"OWN_DEVICE\"",
                        "\"mode\": [\"secret-token-abc\"]")),
                record(EventTypes.SESSION_LOGGED, "harbor", logged.replace("[\"EMPATHY\", \"KINDNESS\"]", "\"KINDNESS\"")),
                record(EventTypes.FEEDBACK_SUBMITTED, "harbor", answered + " {}"),
                record(EventTypes.FEEDBACK_WITHDRAWN, "harbor", answered),
                record(EventTypes.SESSION_LOGGED, "harbor", logged.replaceAll("(?s)\"invitations\": \\[.*?\\]",
                        "\"invitations\": 2")),
                record(EventTypes.SESSION_LOGGED, "harbor", logged.replace("\"invitations\": [",
                        "\"invitations\": [\"secret-token-abc\", ")),
                record(EventTypes.SESSION_VOIDED, "harbor", GoldenSamples.json(SessionVoided.class)
                        .replace("\"invitations\": 2", "\"invitations\": [{}, {}]")),
                record(EventTypes.SESSION_VOIDED, "harbor", GoldenSamples.json(SessionVoided.class)
                        .replace("\"invitations\": 2", "\"invitations\": -2")),
                record(EventTypes.INVITATIONS_REISSUED, "sunrise", GoldenSamples.json(InvitationsReissued.class)),
                record(EventTypes.INVITATIONS_REISSUED, "harbor", "not json secret-token-abc"));
        for (ConsumerRecord<String, String> record : bad) {
            assertThatThrownBy(() -> IndicatorRecords.read(record)).as(record.value())
                    .isInstanceOf(UnreadableEventException.class)
                    .hasMessageNotContaining("secret-token-abc");
        }
    }

    @Test
    void aSessionLoggedBeforeGroupSessionsCountsItsOneInvitationOrNone() {
        String before = GoldenSamples.json(SessionLogged.class)
                .replaceAll("(?s),\\s*\"invitations\": \\[.*?\\]", "");
        assertThat(before).doesNotContain("invitations").contains("\"invitation\"");
        String uninvited = before.replaceAll("(?s),\\s*\"invitation\": \\{.*?\\}", "");
        assertThat(uninvited).doesNotContain("invitation");

        assertThat(invitations(before)).isEqualTo(1);
        assertThat(invitations(before.replaceAll("(?s)(\"invitation\": \\{.*?\\})", "$1, \"invitations\": []")))
                .isEqualTo(1);
        assertThat(invitations(uninvited)).isZero();
        assertThat(invitations(uninvited.replaceFirst("\\{", "{\"invitation\": null,"))).isZero();
    }

    @Test
    void freshLinksForASessionAreReadPastAndCountNothing() {
        assertThat(IndicatorRecords.read(record(EventTypes.INVITATIONS_REISSUED, "harbor",
                GoldenSamples.json(InvitationsReissued.class)))).isEmpty();
        // Fields it does not read may be anything, as for every other event.
        assertThat(IndicatorRecords.read(record(EventTypes.INVITATIONS_REISSUED, "harbor",
                GoldenSamples.json(InvitationsReissued.class).replaceFirst("\\{", "{\"addedLater\": [1, {}],"))))
                .isEmpty();
    }

    private static long invitations(String sessionLogged) {
        return IndicatorRecords.read(record(EventTypes.SESSION_LOGGED, "harbor", sessionLogged)).orElseThrow().event()
                .counts().invitations();
    }

    private static IndicatorRecords.Counted read(String type, Class<? extends PeerPulseEvent> contract) {
        return IndicatorRecords.read(record(type, "harbor", GoldenSamples.json(contract))).orElseThrow();
    }

    private static ConsumerRecord<String, String> record(String type, String key, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("peerpulse.sessions.v1", 0, 0, key, value);
        record.headers().add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
