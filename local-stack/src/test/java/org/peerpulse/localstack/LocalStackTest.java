package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void startsStageByStageAndStopsInReverseWithDescendants() {
        Ports ports = Ports.free();
        ChildSpec broker = new ChildSpec("fake-broker", FakeChild.command(List.of("--ready-line", "READY fake", "--grandchild")),
                Map.of(), new Readiness.OutputLine("READY fake"), "127.0.0.1:" + ports.kafka());
        ChildSpec service = new ChildSpec("fake-service", FakeChild.command(List.of("--http", Integer.toString(ports.session()))),
                Map.of(), new Readiness.HttpOk(URI.create("http://127.0.0.1:" + ports.session() + "/actuator/health/readiness")),
                "http://127.0.0.1:" + ports.session());
        StackPlan plan = new StackPlan(dataDir, false, List.of(List.of(broker), List.of(service)),
                Duration.ofSeconds(30), Duration.ofSeconds(10));

        List<ProcessHandle> family;
        try (RunningStack stack = LocalStack.start(plan, out)) {
            assertThat(stack.children()).extracting(RunningChild::name).containsExactly("fake-broker", "fake-service");
            assertThat(stack.child("fake-service").orElseThrow().residentKib()).isPresent();
            family = family(stack);
            assertThat(family).hasSize(3);
        }

        assertThat(family).noneMatch(ProcessHandle::isAlive);
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("fake-broker ready", "fake-service ready", "stopped");
        assertThat(shown.indexOf("stopping fake-service")).isPositive().isLessThan(shown.indexOf("stopping fake-broker"));
    }

    /** The real broker and store mains from embedded-infra and the authorization server, on free ports. */
    @Test
    void startsTheRealInfrastructureAndAuthorizationServer() throws Exception {
        Ports ports = Ports.free();
        StackPlan plan = StackPlan.local(Path.of(".."), dataDir, false, ports, System.getProperty("java.class.path"),
                Set.of("kafka", "mongo", "auth"));

        List<ProcessHandle> family;
        try (RunningStack stack = LocalStack.start(plan, out)) {
            HttpResponse<String> token = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.auth() + "/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id=ops&client_secret=ops-secret"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
            try (Socket broker = new Socket("127.0.0.1", ports.kafka()); Socket store = new Socket("127.0.0.1", ports.mongo())) {
                assertThat(broker.isConnected() && store.isConnected()).isTrue();
            }
            family = family(stack);
        }

        assertThat(family).hasSizeGreaterThanOrEqualTo(3).noneMatch(ProcessHandle::isAlive);
        assertThat(dataDir.resolve("auth/signing-key.jwk")).exists();
        assertThat(dataDir.resolve("mongo/peerpulse.mv.db")).exists();
        assertThat(dataDir.resolve("kafka")).isNotEmptyDirectory();
    }

    private static List<ProcessHandle> family(RunningStack stack) {
        return stack.children().stream()
                .flatMap(child -> Stream.concat(Stream.of(child.handle()), child.handle().descendants()))
                .toList();
    }

    @Test
    void aChildThatDiesStopsEverythingAndShowsItsLog() {
        ChildSpec first = new ChildSpec("first", FakeChild.command(List.of("--ready-line", "READY first")), Map.of(),
                new Readiness.OutputLine("READY first"), "127.0.0.1:" + Ports.free().kafka());
        ChildSpec broken = new ChildSpec("broken", FakeChild.command(List.of("--fail")), Map.of(),
                new Readiness.OutputLine("READY broken"), "127.0.0.1:" + Ports.free().mongo());
        StackPlan plan = new StackPlan(dataDir, false, List.of(List.of(first), List.of(broken)),
                Duration.ofSeconds(30), Duration.ofSeconds(10));

        assertThatThrownBy(() -> LocalStack.start(plan, out))
                .isInstanceOfSatisfying(StackFailure.class, failure -> assertThat(failure.child()).isEqualTo("broken"));

        String shown = printed.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("broken exited with code 3", "  | boom: this child cannot start", "stopping first");
        assertThat(ProcessHandle.current().children()).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void freshWipesTheDataDirectory() throws Exception {
        Path leftOver = java.nio.file.Files.createDirectories(dataDir.resolve("kafka/old-segment"));
        ChildSpec only = new ChildSpec("only", FakeChild.command(List.of("--ready-line", "READY only")), Map.of(),
                new Readiness.OutputLine("READY only"), "127.0.0.1:" + Ports.free().kafka());

        try (RunningStack stack = LocalStack.start(new StackPlan(dataDir, true, List.of(List.of(only)),
                Duration.ofSeconds(30), Duration.ofSeconds(10)), out)) {
            assertThat(leftOver).doesNotExist();
            assertThat(dataDir.resolve("logs/only.log")).exists();
        }
    }

    @Test
    void refusesPortsThatAreTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ChildSpec child = new ChildSpec("any", FakeChild.command(List.of()), Map.of(),
                    new Readiness.OutputLine("never"), "127.0.0.1:" + taken.getLocalPort());

            assertThatThrownBy(() -> LocalStack.start(new StackPlan(dataDir, false, List.of(List.of(child)),
                    Duration.ofSeconds(5), Duration.ofSeconds(5)), out))
                    .isInstanceOf(StackFailure.class)
                    .hasMessageContaining("in use");
        }
    }
}
