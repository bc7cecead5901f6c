package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;

/**
 * Scenario 9: a poison record arrives while its dead-letter topic refuses every write (its
 * {@code max.message.bytes} is set below any record's size, so the broker answers RecordTooLarge). The dead
 * letter cannot be published, so the record is not skipped: the batch is retried, the group commits nothing past
 * it and the dead-letter topic stays empty. Once the topic takes writes again the record lands there and the
 * partition moves on; every acknowledged write is counted once.
 */
class DeadLetterOutageIT {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.FEEDBACK);
    private static final int SESSIONS_EACH_SIDE = 3;
    private static final String POISON = "not json " + "x".repeat(200);

    @Test
    void aRecordWhoseDeadLetterCannotBePublishedIsRetriedNotSkipped() throws Exception {
        Api api = Stack.api();
        RunningService metrics = api.metrics();
        Ledger ledger = Ledger.forScenario("dlt-down");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS_EACH_SIDE; i++) {
            sessions.add(ledger.logSession(api).orElseThrow());
        }
        sessions.forEach(sessionId -> ledger.submitFeedback(api, sessionId));
        Kafka.awaitRecordsOf(Topics.FEEDBACK, ledger.agency(), SESSIONS_EACH_SIDE);

        RecordMetadata poison;
        try (Admin admin = Kafka.admin(); LogCapture logs = LogCapture.start()) {
            refuseWrites(admin, true);
            try {
                poison = Kafka.send(Topics.FEEDBACK, ledger.agency(), POISON, Map.of(
                        CloudEvents.ID, UUID.randomUUID().toString(), CloudEvents.TYPE, EventTypes.FEEDBACK_SUBMITTED,
                        CloudEvents.SOURCE, "/fault-suite", CloudEvents.TIME, Instant.now().toString()));
                for (int i = 0; i < SESSIONS_EACH_SIDE; i++) {
                    String sessionId = ledger.logSession(api).orElseThrow();
                    sessions.add(sessionId);
                    ledger.submitFeedback(api, sessionId);
                }
                String attempt = "Dead-lettering record " + Topics.FEEDBACK + "-" + poison.partition() + "@"
                        + poison.offset();
                await("the dead letter to be tried and refused more than once").atMost(Ledger.WAIT)
                        .until(() -> logs.lines().stream().filter(line -> line.contains(attempt)).count() >= 3);
                TopicPartition partition = new TopicPartition(Topics.FEEDBACK, poison.partition());
                assertThat(Kafka.committed(metrics.group(), partition)).as("the group has not moved past the poison")
                        .isLessThanOrEqualTo(poison.offset());
                assertThat(Kafka.recordsOf(DEAD_LETTERS, ledger.agency(), Duration.ofMillis(300))).isEmpty();
                assertThat(Api.readiness(metrics).status()).as("retrying is not a dead consumer").isEqualTo(200);
            } finally {
                refuseWrites(admin, false);
            }
        }

        ledger.assertCountedExactlyOnce(api);
        List<ConsumerRecord<String, String>> deadLetters = Kafka.recordsOf(DEAD_LETTERS, ledger.agency(),
                Duration.ofMillis(500));
        // At least once, not exactly once: publishing a dead letter and committing past its record are two steps,
        // so a rebalance in between (seen once, while the previous scenario's second instance was still leaving)
        // has the next owner of the partition publish it again. Every copy is the poison record, nothing else.
        assertThat(deadLetters).as("the poison record, dead-lettered once it could be").isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(Kafka.longHeader(r, Kafka.DLT_ORIGINAL_OFFSET)).isEqualTo(poison.offset());
                    assertThat(r.value()).isEqualTo(POISON);
                });
    }

    /** The dead-letter topic refuses every record (a tiny {@code max.message.bytes}), or takes them again. */
    private static void refuseWrites(Admin admin, boolean refuse) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DEAD_LETTERS);
        AlterConfigOp op = refuse
                ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16"), AlterConfigOp.OpType.SET)
                : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }
}
