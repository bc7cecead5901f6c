package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StackPlanTest {

    private final Ports ports = new Ports(19092, 19093, 37017, 19000, 18081, 18082, 18083);
    private final StackPlan plan = StackPlan.local(Path.of("/repo"), Path.of("/tmp/pp-data"), false, ports, "cp", Set.of());

    @Test
    void startsInfrastructureThenAuthThenTheServicesTogether() {
        assertThat(plan.stages()).extracting(stage -> stage.stream().map(ChildSpec::name).toList())
                .containsExactly(java.util.List.of("kafka"), java.util.List.of("mongo"), java.util.List.of("auth"),
                        java.util.List.of("session-service", "feedback-service", "metrics-service"));
        assertThat(plan.children().get(0).command()).containsSequence("--port", "19092", "--controller-port", "19093")
                .containsSequence("--data-dir", "/tmp/pp-data/kafka");
        assertThat(plan.children().get(1).command()).containsSequence("--file", "/tmp/pp-data/mongo/peerpulse.mv.db");
    }

    @Test
    void pointsEveryServiceAtTheBrokerTheStoreAndTheIssuer() {
        Map<String, String> session = plan.children().get(3).environment();
        assertThat(session).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:37017/peerpulse-sessions")
                .containsEntry("PEERPULSE_ISSUER_URI", "http://127.0.0.1:19000")
                .containsEntry("PEERPULSE_FEEDBACK_BASE_URL", "http://127.0.0.1:18082")
                .containsEntry("SERVER_PORT", "18081")
                .containsEntry("PEERPULSE_PAGES_LEARNINGURL", "http://127.0.0.1:18083/learning")
                .containsEntry("PEERPULSE_PAGES_DASHBOARDURL", "http://127.0.0.1:18083/");
        // The authorization server sends each page's sign-in back to the port its service really runs on.
        assertThat(plan.children().get(2).environment())
                .containsEntry("PEERPULSE_DASHBOARD_URL", "http://127.0.0.1:18083")
                .containsEntry("PEERPULSE_WORKSPACE_URL", "http://127.0.0.1:18081")
                .containsEntry("PEERPULSE_LEADS_URL", "http://127.0.0.1:18082");
        assertThat(plan.children().get(5).environment())
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:37017/peerpulse-metrics")
                .containsEntry("PEERPULSE_FEEDBACK_URL", "http://127.0.0.1:18082/")
                .containsEntry("PEERPULSE_ALERT_INBOX_URL", "http://127.0.0.1:18083/alerts");
        assertThat(plan.children().get(4).command()).endsWith("-jar", "/repo/feedback-service/target/feedback-service.jar");
    }

    @Test
    void keepsTheStoreInMemoryWhenAsked() {
        StackPlan inMemory = StackPlan.local(Path.of("/repo"), Path.of("/tmp/pp-data"), false, ports, "cp", Set.of(),
                StackPlan.Store.MEMORY);

        assertThat(inMemory.children().get(1).command()).contains("--memory", "-Xmx16g").doesNotContain("--file");
        assertThat(plan.children().get(1).command()).doesNotContain("--memory");
    }

    @Test
    void startsOnlyWhatIsAskedFor() {
        StackPlan infra = StackPlan.local(Path.of("/repo"), Path.of("/tmp/pp-data"), false, ports, "cp",
                Set.of("kafka", "mongo"));

        assertThat(infra.children()).extracting(ChildSpec::name).containsExactly("kafka", "mongo");
        assertThat(infra.missingJars()).isEmpty();
    }

    @Test
    void runsOnBackendsItDoesNotStart() {
        StackPlan onBackends = StackPlan.onBackends(Path.of("/repo"), Path.of("/tmp/pp-data"), ports, "cp",
                "127.0.0.1:29092", database -> "mongodb://127.0.0.1:47017/" + database + "-test");

        assertThat(onBackends.stages()).extracting(stage -> stage.stream().map(ChildSpec::name).toList())
                .containsExactly(java.util.List.of("auth"),
                        java.util.List.of("session-service", "feedback-service", "metrics-service"));
        assertThat(onBackends.children().get(1).environment())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:47017/peerpulse-sessions-test")
                .containsEntry("PEERPULSE_ISSUER_URI", "http://127.0.0.1:19000");
        assertThat(onBackends.children().get(3).environment())
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:47017/peerpulse-metrics-test");
    }

    @Test
    void theLocalStacksServicesLogReadableLinesAndTheTestedOnesTheirJsonDefault() {
        assertThat(plan.children().subList(3, 6)).allSatisfy(service -> assertThat(service.command())
                .contains(StackPlan.READABLE_LOGS));
        StackPlan onBackends = StackPlan.onBackends(Path.of("/repo"), Path.of("/tmp/pp-data"), ports, "cp",
                "127.0.0.1:29092", database -> "mongodb://127.0.0.1:47017/" + database);
        assertThat(onBackends.children()).noneSatisfy(child -> assertThat(child.command())
                .contains(StackPlan.READABLE_LOGS));
    }

    @Test
    void sizesEachServicesHeapAndLetsItReturnFreedNativeMemory() {
        StackPlan onBackends = StackPlan.onBackends(Path.of("/repo"), Path.of("/tmp/pp-data"), ports, "cp",
                "127.0.0.1:29092", database -> "mongodb://127.0.0.1:47017/" + database);
        for (StackPlan stack : List.of(plan, onBackends)) {
            List<ChildSpec> services = stack.children().stream()
                    .filter(child -> StackPlan.SERVICES.contains(child.name())).toList();
            assertThat(services).hasSize(3).allSatisfy(service -> {
                List<String> command = service.command();
                assertThat(command).containsSequence(StackPlan.SERVICE_HEAPS.get(service.name()))
                        .contains(StackPlan.TRIM_NATIVE_HEAP)
                        // one heap setting each: a second -Xmx or -Xms would silently win over the measured one
                        .filteredOn(arg -> arg.startsWith("-Xmx")).hasSize(1);
                assertThat(command).filteredOn(arg -> arg.startsWith("-Xms")).hasSize(1);
            });
        }
        assertThat(plan.children().get(5).command()).contains("-Xmn64m");
        assertThat(plan.children().subList(0, 3)).allSatisfy(infrastructure -> assertThat(infrastructure.command())
                .doesNotContain(StackPlan.TRIM_NATIVE_HEAP));
    }

    @Test
    void portsComeFromTheEnvironment() {
        assertThat(Ports.fromEnvironment(Map.of("PEERPULSE_AUTH_PORT", "19999")).auth()).isEqualTo(19999);
        assertThat(Ports.fromEnvironment(Map.of())).isEqualTo(Ports.defaults());
    }
}
