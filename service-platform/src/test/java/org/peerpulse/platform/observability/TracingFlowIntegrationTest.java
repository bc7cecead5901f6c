package org.peerpulse.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.UnreadableEventException;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.testsupport.PeerPulseTestContext;
import org.peerpulse.testsupport.TestIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's tracing and logs on the real broker, the embedded store, real HTTP and the real OpenTelemetry
 * SDK, whose in-memory exporter receives exactly what an OTLP exporter would (behind the same scrubber).
 * A request stores an event in a document's outbox; the relay publishes it later from its own thread; a
 * listener receives it. The caller's trace, named in the request's {@code traceparent}, reaches the
 * listener, and every log line on the way is JSON naming that trace, its span and the caller's agency.
 * A participant's token in a path and an exception message quoting a record stay out of every span.
 */
@SpringBootTest(classes = TracingFlowIntegrationTest.ProbeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.application.name=tracing-probe",
            "management.tracing.sampling.probability=1.0",
            "management.opentelemetry.tracing.export.schedule-delay=100ms",
            "peerpulse.outbox.collections=probes",
            "peerpulse.outbox.source=/tracing-probe",
            "peerpulse.security.public-paths=/f/**"
        })
@ContextConfiguration(initializers = PeerPulseTestContext.class)
@ExtendWith(OutputCaptureExtension.class)
class TracingFlowIntegrationTest {

    static final String TOPIC = "tracing-probe-" + UUID.randomUUID();
    static final String UNREADABLE_TOPIC = TOPIC + "-unreadable";
    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("probe.topic", () -> TOPIC);
        registry.add("probe.unreadable-topic", () -> UNREADABLE_TOPIC);
    }

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void theCallersTraceReachesTheListenerThroughTheOutboxAndEveryLogLineNamesTraceSpanAndAgency(
            CapturedOutput output) throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/probes"))
                .header("Authorization", "Bearer " + TestIssuer.shared().token("harbor", "specialist"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        String eventId = answer.body();

        SpanData received = await().atMost(ASYNC).until(() -> consumerSpan("tracing-probe"), Optional::isPresent)
                .orElseThrow();
        SpanData receivedInBatch = await().atMost(ASYNC).until(() -> consumerSpan("tracing-probe-batch"),
                Optional::isPresent).orElseThrow();
        SpanData sent = span(SpanKind.PRODUCER, TOPIC + " send").orElseThrow();
        SpanData request = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId))
                .findFirst().orElseThrow();

        assertThat(List.of(request, sent, received)).allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId));
        assertThat(request.getParentSpanId()).isEqualTo(callerSpan);
        assertThat(received.getParentSpanId()).as("the listener's span is a child of the relay's send")
                .isEqualTo(sent.getSpanId());
        assertThat(receivedInBatch.getParentSpanId()).as("a batch listener records each record's receipt too")
                .isEqualTo(sent.getSpanId());
        assertThat(sent.getStartEpochNanos()).as("sent later, from the relay's poll")
                .isGreaterThanOrEqualTo(request.getStartEpochNanos());
        assertThat(ancestors(sent)).as("the send joins the request's trace under its server span")
                .contains(request.getSpanId());

        JsonNode accepted = logLine(output, "probe accepted " + eventId);
        JsonNode consumed = await().atMost(ASYNC).until(() -> findLogLine(output, "probe received " + eventId),
                Optional::isPresent).orElseThrow();
        for (JsonNode line : List.of(accepted, consumed)) {
            assertThat(line.path("trace.id").asString()).isEqualTo(traceId);
            assertThat(line.path("span.id").asString()).matches("[0-9a-f]{16}");
            assertThat(line.path("agency").asString()).isEqualTo("harbor");
            assertThat(line.path("service").path("name").asString()).isEqualTo("tracing-probe");
            assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        }
        assertThat(consumed.path("span.id").asString()).isEqualTo(received.getSpanId());
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getSpanId)
                .contains(accepted.path("span.id").asString());
    }

    @Test
    void noTokenPathOrExceptionMessageReachesASpan() throws Exception {
        String token = "tok-" + UUID.randomUUID();
        String quoted = "comment-" + UUID.randomUUID();

        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(uri("/f/" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        kafka.send(UNREADABLE_TOPIC, "harbor", "{\"comment\":\"" + quoted + "\"}");

        SpanData failed = await().atMost(ASYNC).until(() -> span(SpanKind.CONSUMER, UNREADABLE_TOPIC + " process"),
                Optional::isPresent).orElseThrow();
        SpanData formRequest = await().atMost(ASYNC).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER)
                .filter(span -> "/f/{token}".equals(span.getAttributes().get(AttributeKey.stringKey("uri"))))
                .findFirst(), Optional::isPresent).orElseThrow();

        assertThat(formRequest.getName()).isEqualTo("http get /f/{token}");
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getEvents()).anySatisfy(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().asMap()).hasSize(1);
        });
        assertThat(spans.getFinishedSpanItems()).allSatisfy(span -> assertThat(everythingIn(span))
                .as("span %s", span.getName()).doesNotContain(token).doesNotContain(quoted));
    }

    /** Name, attributes, events with their attributes, status description and kind, as one text. */
    private static String everythingIn(SpanData span) {
        StringBuilder text = new StringBuilder(span.getName()).append(' ').append(span.getAttributes())
                .append(' ').append(span.getStatus().getDescription());
        span.getEvents().forEach(event -> text.append(' ').append(event.getName()).append(event.getAttributes()));
        return text.toString();
    }

    private Optional<SpanData> span(SpanKind kind, String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind && span.getName().equals(name)).findFirst();
    }

    private Optional<SpanData> consumerSpan(String group) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER && span.getName().equals(TOPIC + " process"))
                .filter(span -> group.equals(span.getAttributes().get(
                        AttributeKey.stringKey("messaging.kafka.consumer.group"))))
                .findFirst();
    }

    private List<String> ancestors(SpanData span) {
        List<SpanData> all = spans.getFinishedSpanItems();
        return Stream.iterate(Optional.of(span), Optional::isPresent, current -> all.stream()
                        .filter(candidate -> candidate.getSpanId().equals(current.get().getParentSpanId())).findFirst())
                .map(Optional::get).map(SpanData::getParentSpanId).toList();
    }

    /** Kept here because this context has the platform's own KafkaTemplate: Spring Kafka's default quotes both. */
    @Test
    void aSendTheProducerRefusesIsLoggedWithoutItsKeyOrPayload(CapturedOutput output) {
        String key = "agency-" + UUID.randomUUID();
        String payload = "{\"comment\":\"private words " + UUID.randomUUID() + "\"," + "x".repeat(1_100_000);

        // Larger than the producer's max.request.size: refused before it leaves the process.
        assertThatThrownBy(() -> kafka.send(new ProducerRecord<>(TOPIC, key, payload)))
                .isInstanceOf(KafkaException.class);

        await().atMost(ASYNC).until(() -> output.getOut().contains("Exception thrown when sending a message"));
        assertThat(output.getAll()).doesNotContain(key).doesNotContain("private words");
    }

    private static JsonNode logLine(CapturedOutput output, String message) {
        return findLogLine(output, message).orElseThrow(() -> new AssertionError("no JSON log line " + message));
    }

    private static Optional<JsonNode> findLogLine(CapturedOutput output, String message) {
        return output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(JSON::readTree)
                .filter(line -> message.equals(line.path("message").asString()))
                .findFirst();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probe.class)
    static class ProbeApplication {

        /** A real SDK exporter, registered like any other; the platform puts it behind the scrubber. */
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }

        @Bean
        NewTopic probeTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
        }

        @Bean
        NewTopic unreadableTopic() {
            return TopicBuilder.name(UNREADABLE_TOPIC).partitions(1).replicas(1).build();
        }

        @Bean
        NewTopic unreadableDeadLetters() {
            return TopicBuilder.name(UNREADABLE_TOPIC + "-dlt").partitions(1).replicas(1).build();
        }
    }

    /** Stores an event in a document's outbox, as a service's write does, and receives it as a consumer. */
    @RestController
    static class Probe {

        private static final Logger log = LoggerFactory.getLogger(Probe.class);

        private final MongoTemplate mongo;
        private final EventCodec codec;

        Probe(MongoTemplate mongo, EventCodec codec) {
            this.mongo = mongo;
            this.codec = codec;
        }

        @PostMapping("/api/v1/probes")
        String store(Caller caller) {
            SessionVoided voided = new SessionVoided(EventIds.newId(), Instant.now(), caller.agencyId(),
                    "s-" + UUID.randomUUID(), "prog-1", "sp-1", Instant.now(),
                    GoldenSamples.SESSION_VOIDED.contributed());
            OutboxEntry entry = OutboxEntry.of(voided, TOPIC, codec);
            mongo.upsert(Query.query(Criteria.where("_id").is(voided.sessionId())),
                    new Update().push(OutboxEntry.OUTBOX_FIELD, entry).set(OutboxEntry.PENDING_FIELD, true), "probes");
            log.info("probe accepted {}", voided.eventId());
            return voided.eventId().toString();
        }

        @GetMapping("/f/{token}")
        String form(@PathVariable String token) {
            return "a form";
        }

        @KafkaListener(topics = "${probe.topic}", groupId = "tracing-probe")
        void received(ConsumerRecord<String, String> record) {
            log.info("probe received {}", codec.read(record.value(), SessionVoided.class).eventId());
        }

        /** Like metrics-service's listeners: a batch handled at once, across the traces of its records. */
        @KafkaListener(topics = "${probe.topic}", groupId = "tracing-probe-batch", batch = "true")
        void receivedInBatch(List<ConsumerRecord<String, String>> records) {
            log.info("probe batch of {}", records.size());
        }

        @KafkaListener(topics = "${probe.unreadable-topic}", groupId = "tracing-probe")
        void unreadable(ConsumerRecord<String, String> record) {
            // What a careless parser does: quote the record in its message.
            throw new UnreadableEventException("cannot read " + record.value(), null);
        }
    }
}
