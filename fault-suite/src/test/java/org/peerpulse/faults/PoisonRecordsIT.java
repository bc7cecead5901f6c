package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario 3: poison records on both topics, between the scenario's good events in the same partition (the key
 * is the agency): one that is not JSON, one of a type nobody knows, one that is JSON of the right type but not a
 * valid event (no event id). Each consumer sends each to {@code <topic>-dlt} once (metrics-service both topics',
 * feedback-service the sessions'), logs only where it was (topic, partition, offset) and never its payload, and
 * the partition keeps flowing: the good events after the poison are counted like those before.
 */
class PoisonRecordsIT {

    private static final int SESSIONS_EACH_SIDE = 3;

    @Test
    void poisonGoesToTheDeadLetterTopicWithMetadataOnlyLogsAndThePartitionKeepsFlowing() {
        Api api = Stack.api();
        Ledger ledger = Ledger.forScenario("poison");
        String marker = "PAYLOAD-" + UUID.randomUUID();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS_EACH_SIDE; i++) {
            sessions.add(ledger.logSession(api).orElseThrow());
        }
        ConsumerRecord<String, String> good = Kafka.awaitRecordsOf(Topics.SESSIONS, ledger.agency(),
                SESSIONS_EACH_SIDE).get(0);

        List<RecordMetadata> poison = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            poison.add(Kafka.send(Topics.SESSIONS, ledger.agency(), "{\"eventId\": \"" + marker + "\", \"agencyId",
                    headers(EventTypes.SESSION_LOGGED)));
            poison.add(Kafka.send(Topics.SESSIONS, ledger.agency(), withMarker(good.value(), marker),
                    headers("org.peerpulse.session.rescheduled.v1")));
            ObjectNode invalid = withMarkerNode(good.value(), marker);
            invalid.remove("eventId");
            poison.add(Kafka.send(Topics.SESSIONS, ledger.agency(), invalid.toString(),
                    headers(EventTypes.SESSION_LOGGED)));
            poison.add(Kafka.send(Topics.FEEDBACK, ledger.agency(), "not json at all " + marker,
                    headers(EventTypes.FEEDBACK_SUBMITTED)));

            for (int i = 0; i < SESSIONS_EACH_SIDE; i++) {
                sessions.add(ledger.logSession(api).orElseThrow());
            }
            ledger.logInvalidSession(api);
            sessions.forEach(sessionId -> ledger.submitFeedback(api, sessionId));
            ledger.assertCountedExactlyOnce(api);
            TopicProbeGroups.awaitCaughtUp(Stack.FEEDBACK_GROUP, Topics.SESSIONS);

            List<ConsumerRecord<String, String>> sessionDeadLetters = Kafka.recordsOf(Topics.deadLetter(Topics.SESSIONS),
                    ledger.agency(), Duration.ofMillis(500));
            List<ConsumerRecord<String, String>> feedbackDeadLetters = Kafka.recordsOf(
                    Topics.deadLetter(Topics.FEEDBACK), ledger.agency(), Duration.ofMillis(500));
            List<Long> poisonSessionOffsets = poison.subList(0, 3).stream().map(RecordMetadata::offset).toList();
            // feedback-service's record listener dead-letters through the error handler, which names its group;
            // metrics-service's batch listener through DeadLetters, which has no consumer to name.
            assertThat(originalOffsets(sessionDeadLetters, Stack.FEEDBACK_GROUP))
                    .as("feedback-service dead-letters each poison session record once").isEqualTo(poisonSessionOffsets);
            assertThat(originalOffsets(sessionDeadLetters, null))
                    .as("metrics-service dead-letters each poison session record once").isEqualTo(poisonSessionOffsets);
            assertThat(sessionDeadLetters).hasSize(6);
            assertThat(feedbackDeadLetters).singleElement().satisfies(r -> {
                assertThat(Kafka.header(r, Kafka.DLT_ORIGINAL_GROUP)).isNull();
                assertThat(Kafka.longHeader(r, Kafka.DLT_ORIGINAL_OFFSET)).isEqualTo(poison.get(3).offset());
                assertThat(r.value()).contains(marker);
            });
            assertThat(sessionDeadLetters).allSatisfy(r -> assertThat(r.headers().lastHeader("kafka_dlt-exception-message"))
                    .as("no exception message (it can quote the payload) on a dead letter").isNull());

            List<String> lines = logs.lines();
            assertThat(lines).as("dead-lettering is logged by position")
                    .anyMatch(line -> line.contains("Dead-lettering record " + Topics.SESSIONS + "-"
                            + poison.get(0).partition() + "@" + poison.get(0).offset()))
                    .anyMatch(line -> line.contains("Dead-lettering record " + Topics.FEEDBACK + "-"
                            + poison.get(3).partition() + "@" + poison.get(3).offset()));
            assertThat(lines).as("no log line quotes a payload").noneMatch(line -> line.contains(marker));
        }
    }

    private static List<Long> originalOffsets(List<ConsumerRecord<String, String>> deadLetters, String group) {
        return deadLetters.stream().filter(r -> java.util.Objects.equals(group, Kafka.header(r, Kafka.DLT_ORIGINAL_GROUP)))
                .map(r -> Kafka.longHeader(r, Kafka.DLT_ORIGINAL_OFFSET)).sorted().toList();
    }

    private static Map<String, String> headers(String type) {
        return Map.of(CloudEvents.ID, UUID.randomUUID().toString(), CloudEvents.TYPE, type,
                CloudEvents.SOURCE, "/fault-suite", CloudEvents.TIME, Instant.now().toString(),
                CloudEvents.CONTENT_TYPE, "application/json");
    }

    private static String withMarker(String json, String marker) {
        return withMarkerNode(json, marker).toString();
    }

    private static ObjectNode withMarkerNode(String json, String marker) {
        ObjectNode node = (ObjectNode) Api.JSON.readTree(json);
        node.put("eventId", UUID.randomUUID().toString());
        node.put("participantRef", marker);
        return node;
    }
}
