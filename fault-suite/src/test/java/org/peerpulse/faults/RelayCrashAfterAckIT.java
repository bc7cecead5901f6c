package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;

/**
 * Scenario 14: the outbox relay dies after the broker acknowledged its sends and before it cleared their entries,
 * so the next relay publishes the same events again at new offsets (decision 0011), and every session still
 * counts once (decision 0010: metrics-service recognises a copy by its event id; feedback-service learns an
 * invitation once).
 *
 * <p>session-service runs twice here, on a database of its own and the shared broker and topics, so these two
 * instances alone publish its {@code sessions} collection. The first carries {@link FreezeAfterAck}: its producer
 * freezes in the broker's acknowledgement of the scenario's records, so its relay never sees a send complete and
 * never clears. While the sessions are logged, the collection's lease is held by an instance that is not
 * running, so the first relay finds all of them at its first poll and sends them in one produce request (the
 * producer waits for the relay's flush, not for its linger): the broker has acknowledged every one of them when
 * the producer freezes. The first instance is then closed, as a crash would leave it: its relay stops without
 * clearing and keeps its lease, since its sends are still under way. The second takes the lease once it has run
 * out (2 s here instead of 10) and publishes the pending entries again.
 */
class RelayCrashAfterAckIT {

    private static final int SESSIONS = 8;
    private static final String DATABASE = "fault-relay-sessions";
    private static final String COLLECTION = "sessions";
    private static final Map<String, String> SHORT_LEASE = Map.of("peerpulse.outbox.lease-duration", "2s");

    @Test
    void eventsPublishedAgainAfterARelayDiedBetweenTheAckAndTheClearCountOnce() throws Exception {
        Api shared = Stack.api();
        Ledger ledger = Ledger.forScenario("relay-crash");
        String agency = ledger.agency();
        Stores.holdOutboxLease(DATABASE, COLLECTION, "fault-suite-instance-not-running", Duration.ofMinutes(10));
        RunningService first = RunningService.start(Service.SESSION, DATABASE, null, firstSettings(agency),
                FreezeAfterAck.class);
        FreezeAfterAck freeze = first.bean(FreezeAfterAck.class);
        CompletableFuture<Void> firstClosed = null;
        try {
            Api throughFirst = shared.withSessions(first);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(ledger.logSession(throughFirst).orElseThrow());
            }
            ledger.logInvalidSession(throughFirst);
            assertThat(Stores.pendingOutbox(DATABASE, COLLECTION, agency))
                    .as("nothing published while the lease is held elsewhere").isEqualTo(SESSIONS);

            Stores.releaseOutboxLease(DATABASE, COLLECTION);
            assertThat(freeze.frozen.await(Ledger.WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the first relay's producer frozen in the broker's acknowledgement of a session of ours")
                    .isTrue();

            // After the ack: every pending event is on the topic, all from the one produce request the producer
            // froze in (the first acknowledgement of it is the one it froze in) ...
            List<String> pending = Stores.outboxEventIds(DATABASE, COLLECTION, agency);
            assertThat(pending).as("one outboxed event per session").hasSize(SESSIONS).doesNotHaveDuplicates();
            assertThat(freeze.sent).as("sent by the first relay").containsExactlyInAnyOrderElementsOf(pending);
            List<ConsumerRecord<String, String>> acknowledged = Kafka.awaitRecordsOf(Topics.SESSIONS, agency,
                    SESSIONS);
            assertThat(acknowledged).extracting(RelayCrashAfterAckIT::eventId)
                    .as("every pending event is on the topic").containsExactlyInAnyOrderElementsOf(pending);
            assertThat(freeze.frozenAt.partition()).isEqualTo(acknowledged.get(0).partition());
            assertThat(freeze.frozenAt.offset()).as("frozen in the acknowledgement of the first of them")
                    .isEqualTo(acknowledged.get(0).offset());
            // ... and before the clear: every entry still waits in its outbox.
            assertThat(Stores.pendingOutbox(DATABASE, COLLECTION, agency))
                    .as("acknowledged but not cleared").isEqualTo(SESSIONS);

            // Half the participants answer now: feedback-service has learned the sessions from the first copies.
            List<String> answeredBefore = sessions.subList(0, SESSIONS / 2);
            List<String> answeredAfter = sessions.subList(SESSIONS / 2, SESSIONS);
            answeredBefore.forEach(sessionId -> assertThat(ledger.submitFeedback(shared, sessionId))
                    .as("answer before the copies: %s", ledger.refused()).isTrue());
            ledger.submitInvalidFeedback(shared, answeredAfter.get(0));

            // The kill. The close waits for the frozen producer, so it runs on a thread of its own until the
            // producer is released, which is after the next relay has published everything again.
            firstClosed = closeInBackground(first);
            try (RunningService second = RunningService.start(Service.SESSION, DATABASE, null, SHORT_LEASE)) {
                await("the next relay to publish the pending entries again and clear them").atMost(Ledger.WAIT)
                        .until(() -> Stores.pendingOutbox(DATABASE, COLLECTION, agency) == 0);
                freeze.release.countDown();
                firstClosed.get(Ledger.WAIT.toSeconds(), TimeUnit.SECONDS);

                // The copies: each event at exactly two offsets of the agency's partition, every copy after every
                // first publication.
                List<ConsumerRecord<String, String>> published = Kafka.recordsOf(Topics.SESSIONS, agency,
                        Duration.ofSeconds(2));
                assertThat(published).extracting(ConsumerRecord::partition).as("one partition: the agency's")
                        .containsOnly(acknowledged.get(0).partition());
                Map<String, List<Long>> offsets = published.stream().collect(Collectors.groupingBy(
                        RelayCrashAfterAckIT::eventId, TreeMap::new,
                        Collectors.mapping(ConsumerRecord::offset, Collectors.toList())));
                assertThat(offsets.keySet()).containsExactlyInAnyOrderElementsOf(pending);
                offsets.forEach((eventId, at) -> assertThat(at).as("offsets of %s", eventId).hasSize(2));
                long lastFirst = offsets.values().stream().mapToLong(at -> at.get(0)).max().orElseThrow();
                long firstCopy = offsets.values().stream().mapToLong(at -> at.get(1)).min().orElseThrow();
                long lastCopy = offsets.values().stream().mapToLong(at -> at.get(1)).max().orElseThrow();
                assertThat(firstCopy).as("the copies come after the first publications").isGreaterThan(lastFirst);

                // feedback-service read the copies and kept one invitation per session; an answer given before
                // them is still spent, the others can be given now.
                TopicPartition partition = new TopicPartition(Topics.SESSIONS, acknowledged.get(0).partition());
                TopicProbeGroups.awaitCaughtUp(Stack.FEEDBACK_GROUP, Topics.SESSIONS);
                assertThat(Kafka.committed(Stack.FEEDBACK_GROUP, partition)).isGreaterThan(lastCopy);
                assertThat(Stores.invitedSessions(Stack.FEEDBACK_DATABASE, agency))
                        .as("one invitation per session").containsExactlyInAnyOrderElementsOf(sessions);
                String spent = answeredBefore.get(0);
                Api.Answer again = Ledger.submitUntilKnown(shared, ledger.feedbackBody(ledger.tokenOf(spent), 3));
                assertThat(again.status()).as("an answer given before the copies cannot be given again")
                        .isEqualTo(409);
                ledger.recordFeedback(spent, again);
                answeredAfter.forEach(sessionId -> assertThat(ledger.submitFeedback(shared, sessionId))
                        .as("answer after the copies: %s", ledger.refused()).isTrue());

                Api api = shared.withSessions(second);
                ledger.assertCountedExactlyOnce(api);
                // Explicitly: metrics-service has committed past the copies, and still counts the ledger.
                assertThat(Kafka.committed(api.metrics().group(), partition))
                        .as("metrics-service committed past the copies").isGreaterThan(lastCopy);
                assertThat(ledger.sessions()).hasSize(SESSIONS);
                assertThat(ledger.acknowledgedFeedback()).isEqualTo(SESSIONS);
                ledger.assertDashboards(api);
            }
        } finally {
            freeze.release.countDown();
            if (firstClosed == null) {
                first.close();
            }
        }
    }

    /**
     * The first instance: frozen after the ack, a short lease, and one produce request per poll (sent when the
     * relay flushes, never split by the linger or the batch size).
     */
    private static Map<String, String> firstSettings(String agency) {
        Map<String, String> settings = new HashMap<>(SHORT_LEASE);
        settings.put("fault.freeze.agency", agency);
        settings.put("spring.kafka.producer.properties.linger.ms", "60000");
        settings.put("spring.kafka.producer.batch-size", "1MB");
        return settings;
    }

    private static CompletableFuture<Void> closeInBackground(RunningService service) {
        return CompletableFuture.runAsync(service::close, task -> {
            Thread thread = new Thread(task, "fault-close-" + service.service().artifact());
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static String eventId(ConsumerRecord<?, ?> record) {
        return Kafka.header(record, CloudEvents.ID);
    }
}
