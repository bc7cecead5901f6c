package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.MetricsServiceApplication;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.TestBackends;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What SIGTERM does to a busy metrics-service (a JVM shutdown hook closes the context exactly as this test
 * does): with a batch of session events half-way through the listener and an HTTP request in flight, closing
 * the context first stops the Kafka listener containers, which finish the batch they hold and commit its
 * offsets, then stops Tomcat taking new connections while the request in flight still gets its answer. Both
 * are held open at a test-only blocking point (a batch interceptor and a test endpoint, released by the
 * test), so the order is shown, not slept on.
 */
class GracefulShutdownIntegrationTest {

    private static final String GROUP = "graceful-it-" + UUID.randomUUID();
    private static final String DATABASE = "graceful-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String AGENCY = "graceful-" + UUID.randomUUID();
    private static final int SESSIONS = 20;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void onCloseTheBatchInProgressIsAppliedAndCommittedAndTheRequestInFlightIsAnswered() throws Exception {
        ConfigurableApplicationContext service = start();
        ShutdownProbe probe = service.getBean(ShutdownProbe.class);
        KafkaListenerEndpointRegistry listeners = service.getBean(KafkaListenerEndpointRegistry.class);
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        @SuppressWarnings("unchecked") // Boot's template is KafkaTemplate<String, String> by the platform's serializers
        KafkaTemplate<String, String> kafka = service.getBean(KafkaTemplate.class);
        TestEvents events = new TestEvents(kafka, service.getBean(EventCodec.class));
        List<SessionLogged> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionLogged session = TestEvents.session(AGENCY, "warmline", "sp-rivera",
                    Instant.parse("2026-11-16T09:00:00Z").plusSeconds(60L * i));
            sessions.add(session);
            events.publish(Topics.SESSIONS, session);
        }
        assertThat(probe.batchHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("a batch of ours reached the listener")
                .isTrue();
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ShutdownProbe.PATH))
                        .header("Authorization", "Bearer " + TestApi.token(AGENCY, "quality_lead", "lead-ana"))
                        .timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(probe.requestEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the request reached its handler")
                .isTrue();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(service::close);

        // Listener containers stop first (highest phase); the one holding our batch waits for it.
        await().atMost(WAIT).until(() -> !listeners.isRunning());
        assertThat(get(port, "/actuator/health/readiness").statusCode()).as("no new traffic while shutting down")
                .isEqualTo(503);
        assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(closed).isNotDone();
        probe.releaseBatch.countDown();

        // Then Tomcat takes no new connections, but the request in flight goes on.
        await().atMost(WAIT).until(() -> refusesConnections(port));
        assertThat(inFlight).isNotDone();
        assertThat(closed).isNotDone();
        probe.releaseRequest.countDown();

        HttpResponse<String> answer = inFlight.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(ShutdownProbe.ANSWER);
        closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(service.isActive()).isFalse();

        Map<TopicPartition, Long> heldUpTo = probe.heldUpTo;
        Set<String> heldEvents = probe.heldEventIds;
        assertThat(heldEvents).isNotEmpty().isSubsetOf(sessions.stream().map(s -> s.eventId().toString()).toList());
        assertThat(countedSessions()).as("every event of the held batch, the agency's first, is applied")
                .isEqualTo(heldEvents.size());
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
        heldUpTo.forEach((partition, end) -> assertThat(committed.get(partition))
                .as("committed offset of %s covers the held batch", partition)
                .isNotNull().extracting(OffsetAndMetadata::offset).isEqualTo(end));
    }

    /** metrics-service as it runs, plus the test's blocking points, on its own group and database. */
    private static ConfigurableApplicationContext start() {
        TestIssuer issuer = TestIssuer.shared();
        return new SpringApplicationBuilder(MetricsServiceApplication.class, ShutdownProbe.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + TestBackends.kafkaBootstrapServers(),
                "--spring.kafka.consumer.group-id=" + GROUP,
                "--spring.mongodb.uri=" + TestBackends.mongoUri(DATABASE),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri());
    }

    private static long countedSessions() {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(DATABASE))) {
            long sessions = 0;
            for (Document rollup : client.getDatabase(DATABASE).getCollection("rollups")
                    .find(new Document("agencyId", AGENCY))) {
                sessions += ((Number) rollup.get("sessions", 0)).longValue();
            }
            return sessions;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBackends.kafkaBootstrapServers()))) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(WAIT.toSeconds(),
                    TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean refusesConnections(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }

    /**
     * The test's blocking points: the first listener batch that carries this test's agency waits in a batch
     * interceptor (before the listener applies it) until the test releases it, and {@link #PATH} waits in its
     * handler likewise. Each wait gives up after a while so a broken test cannot hang the build.
     */
    @Configuration(proxyBeanMethods = false)
    @Import(ShutdownProbe.HeldEndpoint.class)
    static class ShutdownProbe {

        static final String PATH = "/api/v1/test/held";
        static final String ANSWER = "finished";

        final CountDownLatch batchHeld = new CountDownLatch(1);
        final CountDownLatch releaseBatch = new CountDownLatch(1);
        final CountDownLatch requestEntered = new CountDownLatch(1);
        final CountDownLatch releaseRequest = new CountDownLatch(1);
        final Map<TopicPartition, Long> heldUpTo = new ConcurrentHashMap<>();
        volatile Set<String> heldEventIds = Set.of();

        @Bean
        BatchInterceptor<Object, Object> holdTheFirstBatchOfTheTestAgency() {
            return new BatchInterceptor<>() {
                @Override
                public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                        Consumer<Object, Object> consumer) {
                    List<ConsumerRecord<Object, Object>> ours = new ArrayList<>();
                    records.forEach(record -> {
                        if (AGENCY.equals(record.key())) {
                            ours.add(record);
                        }
                    });
                    if (!ours.isEmpty() && batchHeld.getCount() > 0) {
                        records.partitions().forEach(partition -> heldUpTo.put(partition,
                                records.records(partition).get(records.records(partition).size() - 1).offset() + 1));
                        heldEventIds = ours.stream().map(record -> new String(record.headers().lastHeader(CloudEvents.ID)
                                .value(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
                        batchHeld.countDown();
                        awaitRelease(releaseBatch);
                    }
                    return records;
                }
            };
        }

        private static void awaitRelease(CountDownLatch release) {
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released its blocking point");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A request that stays in its handler until the test lets it finish. */
        @RestController
        static class HeldEndpoint {

            private final ShutdownProbe probe;

            HeldEndpoint(ShutdownProbe probe) {
                this.probe = probe;
            }

            @GetMapping(PATH)
            String held() {
                probe.requestEntered.countDown();
                awaitRelease(probe.releaseRequest);
                return ANSWER;
            }
        }
    }
}
