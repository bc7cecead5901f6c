package org.peerpulse.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.PeerPulseTestContext;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two probes over real HTTP, with the shared defaults every service gets: readiness goes DOWN while the
 * embedded MongoDB store is stopped and UP again once it listens on the same port, and DOWN while a Kafka
 * listener container is stopped (by hand, or because its listener threw an {@link Error}); liveness stays UP
 * throughout. Anyone reads the status; only an ops token sees which part is DOWN and why. A probe call answers
 * within a few seconds even while the store is unreachable (the ping is bounded, the driver's 30 s is not used).
 */
@SpringBootTest(classes = HealthProbesIntegrationTest.ProbeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=health-probe")
@ContextConfiguration(initializers = PeerPulseTestContext.class)
class HealthProbesIntegrationTest {

    private static final String TOPIC = "health-probe-" + UUID.randomUUID();
    private static final String LISTENER = "health-probe-listener";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Far below the driver's 30 s server selection: a probe that hangs fails the test instead of passing late. */
    private static final Duration PROBE_ANSWERS_WITHIN = Duration.ofSeconds(8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void probeTopic(DynamicPropertyRegistry properties) {
        properties.add("probe.topic", () -> TOPIC);
        properties.add("spring.kafka.consumer.group-id", () -> "health-probe-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ProbeListener listener;

    @BeforeEach
    void everythingRuns() {
        await().atMost(WAIT).until(() -> container().getAssignedPartitions() != null
                && !container().getAssignedPartitions().isEmpty());
        awaitProbe("/actuator/health/readiness", 200);
    }

    @AfterEach
    void restartWhatATestStopped() {
        if (TestBackends.backendName().equals("embedded") && !TestBackends.documentStore().isRunning()) {
            TestBackends.documentStore().restart();
        }
        if (container().isPauseRequested()) {
            container().resume();
        }
        if (!container().isRunning()) {
            container().start();
        }
    }

    @Test
    void readinessIsDownWhileTheStoreIsStoppedAndUpWhenItListensAgainWhileLivenessStaysUp() throws Exception {
        assumeTrue(TestBackends.backendName().equals("embedded"), "stops the embedded store");
        JsonNode ready = json(call("/actuator/health/readiness", opsToken()));
        assertThat(ready.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(ready.at("/components/kafkaListeners/status").asString()).isEqualTo("UP");
        int port = TestBackends.documentStore().port();

        TestBackends.documentStore().stop();

        HttpResponse<String> notReady = awaitProbe("/actuator/health/readiness", 503);
        assertThat(json(notReady).get("status").asString()).isEqualTo("DOWN");
        // Anonymous callers (kubelet) get the status and nothing else.
        assertThat(json(notReady).has("components")).isFalse();
        JsonNode why = json(call("/actuator/health/readiness", opsToken()));
        assertThat(why.at("/components/mongo/status").asString()).isEqualTo("DOWN");
        assertThat(why.at("/components/kafkaListeners/status").asString()).isEqualTo("UP");
        HttpResponse<String> alive = call("/actuator/health/liveness", null);
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(json(alive).get("status").asString()).isEqualTo("UP");
        // Liveness has nothing to show but the process's own state, whoever asks.
        assertThat(json(call("/actuator/health/liveness", opsToken())).get("components").propertyNames())
                .containsExactly("livenessState");

        TestBackends.documentStore().restart();

        assertThat(TestBackends.documentStore().port()).isEqualTo(port);
        HttpResponse<String> readyAgain = awaitProbe("/actuator/health/readiness", 200);
        assertThat(json(readyAgain).get("status").asString()).isEqualTo("UP");
        assertThat(call("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessIsDownWhileAListenerContainerIsStoppedAndUpWhenItRunsAgain() throws Exception {
        container().stop();

        assertThat(awaitProbe("/actuator/health/readiness", 503).body()).isEqualTo("{\"status\":\"DOWN\"}");
        JsonNode why = json(call("/actuator/health/readiness", opsToken()));
        assertThat(why.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(why.at("/components/kafkaListeners/status").asString()).isEqualTo("DOWN");
        assertThat(why.at("/components/kafkaListeners/details/containers/" + LISTENER + "/state").asString())
                .isEqualTo("STOPPED");
        assertThat(call("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        container().start();

        awaitProbe("/actuator/health/readiness", 200);
        assertThat(json(call("/actuator/health/readiness", opsToken()))
                .at("/components/kafkaListeners/details/containers/" + LISTENER + "/state").asString())
                .isEqualTo("RUNNING");
    }

    @Test
    void aPausedContainerIsStillReady() throws Exception {
        container().pause();
        await().atMost(WAIT).until(() -> container().isContainerPaused());

        HttpResponse<String> ready = call("/actuator/health/readiness", opsToken());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).at("/components/kafkaListeners/details/containers/" + LISTENER + "/state").asString())
                .isEqualTo("PAUSED");
    }

    @Test
    void aListenerThatThrowsAnErrorTakesReadinessDownAndTheReasonIsShownToOps() throws Exception {
        String poison = "error-" + UUID.randomUUID();

        kafka.send(TOPIC, "probe", poison).get();

        awaitProbe("/actuator/health/readiness", 503);
        // The container stops first and tells why a moment later (its ConsumerStoppedEvent).
        JsonNode container = await().atMost(WAIT).until(() -> json(call("/actuator/health/readiness", opsToken()))
                .at("/components/kafkaListeners/details/containers/" + LISTENER), found -> found.has("reason"));
        assertThat(container.get("state").asString()).isIn("STOPPED", "FAILED");
        assertThat(container.get("reason").asString()).isEqualTo("ERROR");
        assertThat(listener.errorsThrown).contains(poison);
        assertThat(call("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        // The poison record was not committed: the restarted consumer reads it again, and handles it this time.
        container().start();

        awaitProbe("/actuator/health/readiness", 200);
        await().atMost(WAIT).until(() -> listener.handled.contains(poison));
        JsonNode recovered = json(call("/actuator/health/readiness", opsToken()))
                .at("/components/kafkaListeners/details/containers/" + LISTENER);
        assertThat(recovered.get("state").asString()).isEqualTo("RUNNING");
        assertThat(recovered.has("reason")).isFalse();
    }

    private MessageListenerContainer container() {
        return registry.getListenerContainer(LISTENER);
    }

    private HttpResponse<String> awaitProbe(String path, int status) {
        return await().atMost(WAIT).until(() -> call(path, null), answer -> answer.statusCode() == status);
    }

    private HttpResponse<String> call(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(PROBE_ANSWERS_WITHIN).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String opsToken() {
        return TestIssuer.shared().token(Map.of("sub", "ops-on-call", "roles", List.of("ops")), Duration.ofMinutes(5));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeListener.class)
    static class ProbeApplication {

        @Bean
        NewTopic probeTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
        }
    }

    /**
     * Handles every record, except that the first time it meets a value starting with {@code error-} it throws
     * an {@link Error}, which no error handler takes: the container's consumer stops.
     */
    static class ProbeListener {

        final Set<String> errorsThrown = ConcurrentHashMap.newKeySet();
        final Set<String> handled = ConcurrentHashMap.newKeySet();

        @KafkaListener(id = LISTENER, topics = "${probe.topic}")
        void on(ConsumerRecord<String, String> record) {
            if (record.value().startsWith("error-") && errorsThrown.add(record.value())) {
                throw new ProbeError();
            }
            handled.add(record.value());
        }
    }

    /** What a listener throws when something is badly wrong in the JVM (here only pretending to be). */
    static class ProbeError extends Error {

        ProbeError() {
            super("probe listener gave up", null, false, false);
        }
    }
}
