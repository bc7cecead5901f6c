package org.peerpulse.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.testsupport.PeerPulseTestContext;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clean stop of a running service loses no audit record. With a writer that would not write on its own for
 * an hour, the records of requests answered before the stop and of one still in flight when it began (answered
 * during the web server's graceful shutdown) are all in the store once the context has closed, in the stop's
 * one bulk insert: the writer stops after the web server, so even the last request queued its record.
 */
class AuditStopIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aCleanStopWritesTheRecordsOfEveryAnsweredRequestIncludingThoseAnsweredWhileStopping() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StoppingApplication.class)
                .initializers(new PeerPulseTestContext())
                .run("--spring.application.name=audit-stop", "--server.port=0",
                        "--peerpulse.audit.flush-interval=1h");
        String mongoUri = context.getEnvironment().getProperty("spring.mongodb.uri");
        int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        AuditInserts inserts = context.getBean(AuditInserts.class);
        Gate gate = context.getBean(Gate.class);
        String agency = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = TestIssuer.shared().token(Map.of("agency", agency, "sub", "lead-ann",
                "roles", List.of(Caller.QUALITY_LEAD)), Duration.ofMinutes(5));

        for (int n = 0; n < 20; n++) {
            assertThat(get(port, "/api/v1/probes/prog-" + n, lead).statusCode()).isEqualTo(200);
        }
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(request(port, "/api/v1/probes/prog-late/slow", lead),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gate.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(inserts.count()).as("nothing written before the stop").isZero();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
        // The graceful shutdown has closed the server socket and waits for the request in flight.
        await().atMost(WAIT).until(() -> refusesConnections(port));
        gate.release.countDown();

        assertThat(inFlight.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> audit = client.getDatabase(new ConnectionString(mongoUri).getDatabase())
                    .getCollection(MongoAuditTrail.COLLECTION);
            assertThat(audit.countDocuments(new Document("agencyId", agency))).isEqualTo(21);
            assertThat(audit.countDocuments(new Document("target.programId", "prog-late"))).isEqualTo(1);
        }
        assertThat(inserts.count()).as("the stop's one bulk insert").isEqualTo(1);
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(int port, String path, String bearer) throws Exception {
        return HTTP.send(request(port, path, bearer), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int port, String path, String bearer) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).build();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SlowProbe.class)
    static class StoppingApplication {

        @Bean
        Gate gate() {
            return new Gate();
        }

        @Bean
        AuditInserts auditInserts() {
            return new AuditInserts();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countAuditInserts(AuditInserts inserts) {
            return settings -> settings.addCommandListener(inserts);
        }
    }

    /** Holds the slow request until the test lets it go. */
    static final class Gate {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
    }

    /** Counts the {@code insert} commands the service's client sends to the audit collection. */
    static final class AuditInserts implements CommandListener {

        private final AtomicInteger inserts = new AtomicInteger();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("insert")
                    && MongoAuditTrail.COLLECTION.equals(event.getCommand().getString("insert").getValue())) {
                inserts.incrementAndGet();
            }
        }

        int count() {
            return inserts.get();
        }
    }

    @RestController
    static class SlowProbe {

        private final Gate gate;

        SlowProbe(Gate gate) {
            this.gate = gate;
        }

        @GetMapping("/api/v1/probes/{programId}")
        @Audited("probe.view")
        String view(@PathVariable String programId) {
            return programId;
        }

        @GetMapping("/api/v1/probes/{programId}/slow")
        @Audited("probe.view")
        String slowView(@PathVariable String programId) throws InterruptedException {
            gate.entered.countDown();
            if (!gate.release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return programId;
        }
    }
}
