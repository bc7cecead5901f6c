package org.peerpulse.platform.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.boot.health.contributor.Status;

/**
 * The follower on the real embedded broker: what was published before it started is read before it says it is
 * ready, a later snapshot replaces it and is announced, an older copy delivered late does not, and an
 * unreadable record is skipped. Agency ids are unique to this test: the broker is shared by the test JVM.
 */
class AgencySettingsFollowerTest {

    private final EventCodec codec = new EventCodec();
    private final String agency = "follower-" + UUID.randomUUID();

    @Test
    void readsTheTopicFromTheBeginningThenFollowsIt() throws Exception {
        String bootstrap = TestBackends.kafkaBootstrapServers();
        createTopic(bootstrap);
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            producer.send(record(snapshot(2, 7))).get();
            AgencyDirectory directory = new AgencyDirectory();
            List<Long> announced = new CopyOnWriteArrayList<>();
            directory.onChange(changed -> {
                if (changed.agencyId().equals(agency)) {
                    announced.add(changed.version());
                }
            });
            AgencySettingsFollower follower = new AgencySettingsFollower(
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                            ConsumerConfig.GROUP_ID_CONFIG, "not-used"),
                    codec, directory, true);
            assertThat(follower.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(directory.of(agency).version()).isZero();
            assertThat(directory.of(agency).settings()).isEqualTo(AgencySettingsChanged.Settings.DEFAULTS);
            follower.start();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> follower.health().getStatus().equals(Status.UP));
                assertThat(directory.of(agency).settings().minCellSize()).isEqualTo(7);

                producer.send(new ProducerRecord<>(Topics.AGENCIES, agency, "{not json")).get();
                producer.send(record(snapshot(1, 4))).get();
                producer.send(record(snapshot(3, 9))).get();
                await().atMost(Duration.ofSeconds(30)).until(() -> directory.of(agency).version() == 3);
                assertThat(directory.of(agency).settings().minCellSize()).isEqualTo(9);
                assertThat(announced).containsExactly(2L, 3L);
            } finally {
                follower.stop();
            }
            assertThat(follower.isRunning()).isFalse();
        }
    }

    @Test
    void aServiceThatOwnsTheDirectoryDoesNotFollowItAndIsReady() {
        AgencySettingsFollower follower = new AgencySettingsFollower(Map.of(), codec, new AgencyDirectory(), false);
        assertThat(follower.isAutoStartup()).isFalse();
        assertThat(follower.health().getStatus()).isEqualTo(Status.UP);
    }

    private AgencySettingsChanged snapshot(long version, int minCellSize) {
        AgencySettingsChanged.Settings golden = GoldenSamples.AGENCY_SETTINGS_CHANGED.settings();
        return new AgencySettingsChanged(UUID.randomUUID(), Instant.now(), agency, version, List.of(), List.of(),
                new AgencySettingsChanged.Settings(golden.timeZone(), minCellSize, 11, null, null, List.of(),
                        golden.crisisLine(), golden.formLanguages(), null, null, null));
    }

    private ProducerRecord<String, String> record(AgencySettingsChanged snapshot) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AGENCIES, agency, codec.write(snapshot));
        record.headers().add(CloudEvents.TYPE,
                EventTypes.AGENCY_SETTINGS_CHANGED.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    private static void createTopic(String bootstrap) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.AGENCIES, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }
}
