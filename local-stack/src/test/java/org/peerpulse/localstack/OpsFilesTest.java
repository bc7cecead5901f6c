package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.peerpulse.localstack.OpsFiles.AlertRule;
import org.peerpulse.localstack.auth.AuthorizationServerProperties.DemoClient;

import tools.jackson.databind.JsonNode;

/**
 * The ops files (deploy/prometheus, deploy/grafana and their part of docker-compose.yml) agree with each other,
 * with the compose services and with the demo authorization server: nothing runs them in this build (no
 * Docker engine here). Whether the metrics they read exist is WholeLoopTest's part (OpsFilesExposure), on the
 * running services.
 */
class OpsFilesTest {

    private static final Set<String> SERVICES = Set.of("session-service", "feedback-service", "metrics-service");

    /** The runbook sections of docs/operations.md an alert may link to, as GitHub makes their anchors. */
    private static final Set<String> RUNBOOKS = Set.of("runbook-consumer-lag", "runbook-dead-letters",
            "runbook-harm-alerts-unacknowledged", "runbook-error-rate", "runbook-outbox-backlog",
            "runbook-readiness-down", "runbook-alert-webhooks");

    private static final Path OPERATIONS_DOC = OpsFiles.ROOT.resolve("docs/operations.md");

    private final Map<String, Object> compose = OpsFiles.map(
            OpsFiles.yaml(OpsFiles.ROOT.resolve("docker-compose.yml")).get("services"), "services");

    @Test
    void scrapesTheThreeServicesOnThePortsComposeRunsThemOn() {
        Set<String> jobs = new TreeSet<>();
        for (Map<String, Object> job : scrapeConfigs()) {
            String name = String.valueOf(job.get("job_name"));
            jobs.add(name);
            assertThat(job.get("metrics_path")).as(name + " metrics_path").isEqualTo("/actuator/prometheus");
            List<String> targets = new ArrayList<>();
            for (Object staticConfig : OpsFiles.list(job.get("static_configs"), name + " static_configs")) {
                OpsFiles.list(OpsFiles.map(staticConfig, name).get("targets"), name + " targets")
                        .forEach(target -> targets.add(String.valueOf(target)));
            }
            // The job is named after the compose service it scrapes: dashboards and rules say `job` for the service.
            assertThat(targets).as(name + " targets").containsExactly(name + ":" + serverPort(name));
        }
        assertThat(jobs).isEqualTo(SERVICES);
    }

    @Test
    void fetchesItsTokenFromTheComposeAuthServerAsTheDemoPrometheusClientWithTheOpsRoleAndNoAgency() {
        String authServer = "http://auth-server:" + serverPort("auth-server");
        assertThat(environment("auth-server")).containsEntry("PEERPULSE_ISSUER_URI", authServer);
        for (Map<String, Object> job : scrapeConfigs()) {
            Map<String, Object> oauth2 = OpsFiles.map(job.get("oauth2"), job.get("job_name") + " oauth2");
            assertThat(oauth2.get("token_url")).as("token_url").isEqualTo(authServer + "/oauth2/token");
            DemoClient client = DemoClient.LOCAL_DEMO_CLIENTS.stream()
                    .filter(demo -> demo.id().equals(oauth2.get("client_id")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no demo client " + oauth2.get("client_id")));
            assertThat(oauth2.get("client_secret")).as("secret of " + client.id()).isEqualTo(client.secret());
            assertThat(client.roles()).as(client.id() + " roles").containsExactly("ops");
            assertThat(client.agency()).as(client.id() + " agency").isNull();
            assertThat(client.specialist()).as(client.id() + " specialist").isNull();
        }
    }

    @Test
    void composeRunsPinnedPrometheusAndGrafanaImagesOnTheRepositorysConfigurationOnLoopbackPorts() {
        Map<String, Object> prometheus = service("prometheus");
        String image = String.valueOf(prometheus.get("image"));
        Matcher version = Pattern.compile("prom/prometheus:v(\\d+)\\.(\\d+)\\.\\d+").matcher(image);
        assertThat(version.matches()).as(image + " is pinned").isTrue();
        // The services' trace exemplars on summary _count series fail the whole scrape before Prometheus 2.43.
        assertThat(Integer.parseInt(version.group(1)) * 1000 + Integer.parseInt(version.group(2)))
                .as(image + " accepts exemplars on _count").isGreaterThanOrEqualTo(2043);
        assertThat(strings(prometheus.get("volumes"))).contains("./deploy/prometheus:/etc/prometheus:ro");
        assertThat(strings(prometheus.get("command"))).contains("--config.file=/etc/prometheus/prometheus.yml");
        assertThat(strings(prometheus.get("ports"))).containsExactly("127.0.0.1:9090:9090");

        Map<String, Object> grafana = service("grafana");
        assertThat(String.valueOf(grafana.get("image"))).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
        assertThat(strings(grafana.get("volumes")))
                .contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./deploy/grafana/dashboards:" + dashboardProviderPath() + ":ro");
        assertThat(strings(grafana.get("ports"))).containsExactly("127.0.0.1:3000:3000");
        String home = String.valueOf(environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
        assertThat(home).startsWith(dashboardProviderPath() + "/");
        assertThat(OpsFiles.GRAFANA.resolve("dashboards").resolve(home.substring(dashboardProviderPath().length() + 1)))
                .isRegularFile();

        // Grafana reaches Prometheus by its compose name on the port Prometheus listens on.
        URI dataSource = URI.create(String.valueOf(dataSource().get("url")));
        assertThat(dataSource.getHost()).isEqualTo("prometheus");
        assertThat(dataSource.getPort()).isEqualTo(9090);
    }

    @Test
    void everyPanelAndVariableReadsTheProvisionedDataSource() {
        String uid = String.valueOf(dataSource().get("uid"));
        assertThat(dataSource().get("type")).isEqualTo("prometheus");
        Set<String> dashboardUids = new HashSet<>();
        assertThat(OpsFiles.dashboardFiles()).as("dashboards").isNotEmpty();
        for (Path file : OpsFiles.dashboardFiles()) {
            JsonNode dashboard = OpsFiles.dashboard(file);
            assertThat(dashboardUids.add(dashboard.path("uid").asString())).as(file + " uid is unique").isTrue();
            List<JsonNode> panels = OpsFiles.panels(dashboard);
            assertThat(panels).as(file + " panels").isNotEmpty();
            for (JsonNode panel : panels) {
                String what = file.getFileName() + " panel \"" + panel.path("title").asString() + "\"";
                assertThat(panel.path("datasource").path("uid").asString()).as(what).isEqualTo(uid);
                assertThat(panel.path("targets")).as(what + " targets").isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString()).as(what + " expr").isNotBlank();
                    if (target.has("datasource")) {
                        assertThat(target.path("datasource").path("uid").asString()).as(what).isEqualTo(uid);
                    }
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asString())) {
                    assertThat(variable.path("datasource").path("uid").asString())
                            .as(file.getFileName() + " variable " + variable.path("name").asString()).isEqualTo(uid);
                }
            }
        }
    }

    /** Issue 6's list of what the dashboards show, each by the series that shows it. */
    @Test
    void dashboardsShowIngestFreshnessLagDeadLettersOutboxHarmAcknowledgementErrorsAndJvm() {
        Set<String> read = new TreeSet<>();
        OpsFiles.expressions().stream()
                .filter(expression -> expression.where().contains(".json:"))
                .forEach(expression -> read.addAll(expression.metricNames()));
        assertThat(read).contains(
                "peerpulse_sessions_logged_total", "peerpulse_feedback_submitted_total",   // ingest rate
                "http_server_requests_seconds_bucket",                                     // ingest latency
                "peerpulse_indicators_freshness_seconds_bucket",                           // freshness
                "kafka_consumer_fetch_manager_records_lag",                                // lag per group, partition
                "peerpulse_deadletters_total",                                             // dead letters
                "peerpulse_outbox_backlog",                                                // outbox backlog
                "peerpulse_harm_acknowledgement_seconds_bucket",                           // time to acknowledge
                "http_server_requests_seconds_count", "logback_events_total",              // errors
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");                      // JVM
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookAndEveryRunbookHasAnAlert() {
        List<AlertRule> rules = OpsFiles.alertRules();
        assertThat(rules).isNotEmpty();
        assertThat(rules).extracting(AlertRule::alert).doesNotHaveDuplicates();
        Set<String> linked = new TreeSet<>();
        for (AlertRule rule : rules) {
            assertThat(rule.labels().get("severity")).as(rule.alert() + " severity").isIn("warning", "critical");
            assertThat(String.valueOf(rule.annotations().get("summary"))).as(rule.alert() + " summary").isNotBlank();
            String runbook = String.valueOf(rule.annotations().get("runbook_url"));
            assertThat(runbook).as(rule.alert() + " runbook_url").startsWith("docs/operations.md#");
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            assertThat(RUNBOOKS).as(rule.alert() + " runbook").contains(anchor);
            linked.add(anchor);
        }
        assertThat(linked).as("runbooks some alert links to").isEqualTo(RUNBOOKS);
    }

    @Test
    void everyRunbookAnAlertLinksToIsASectionOfTheOperationsDoc() throws IOException {
        assumeTrue(Files.isRegularFile(OPERATIONS_DOC),
                "docs/operations.md is not written yet, so the runbook anchors cannot be checked");
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(OPERATIONS_DOC)) {
            if (line.startsWith("#")) {
                anchors.add(githubAnchor(line.replaceFirst("^#+\\s*", "")));
            }
        }
        for (AlertRule rule : OpsFiles.alertRules()) {
            String runbook = String.valueOf(rule.annotations().get("runbook_url"));
            assertThat(anchors).as(rule.alert() + " links to " + runbook + "; docs/operations.md has")
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    /**
     * Prometheus's own checks, when its promtool is installed (.ci/run installs Debian's prometheus package): the
     * configuration and rules load, and the rules' unit tests (deploy/prometheus/tests) pass. Without promtool the
     * test is skipped and says why, except in CI ({@code CI=true}), where it fails.
     */
    @Test
    void promtoolAcceptsTheConfigurationTheRulesAndTheirUnitTests() throws Exception {
        if (!onPath("promtool")) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true, so Prometheus's checks must run, but promtool is not installed (apt-get install prometheus)");
            }
            assumeTrue(false, "promtool is not installed (Debian: apt-get install prometheus), so only the Java "
                    + "checks of the Prometheus files ran");
        }
        promtool("check", "config", "prometheus.yml");
        List<String> ruleFiles = OpsFiles.ruleFiles().stream()
                .map(file -> OpsFiles.PROMETHEUS.relativize(file).toString())
                .toList();
        List<String> checkRules = new ArrayList<>(List.of("check", "rules"));
        checkRules.addAll(ruleFiles);
        promtool(checkRules.toArray(String[]::new));
        List<String> testRules = new ArrayList<>(List.of("test", "rules"));
        try (Stream<Path> tests = Files.list(OpsFiles.PROMETHEUS.resolve("tests"))) {
            tests.filter(file -> file.toString().endsWith(".yml")).sorted()
                    .forEach(file -> testRules.add(OpsFiles.PROMETHEUS.relativize(file).toString()));
        }
        assertThat(testRules).as("rule unit tests").hasSizeGreaterThan(2);
        promtool(testRules.toArray(String[]::new));
    }

    // ---- helpers

    private static List<Map<String, Object>> scrapeConfigs() {
        return OpsFiles.list(OpsFiles.prometheusConfig().get("scrape_configs"), "scrape_configs").stream()
                .map(job -> OpsFiles.map(job, "scrape config"))
                .toList();
    }

    private static Map<String, Object> dataSource() {
        Map<String, Object> provisioning = OpsFiles.yaml(
                OpsFiles.GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
        List<?> dataSources = OpsFiles.list(provisioning.get("datasources"), "datasources");
        assertThat(dataSources).hasSize(1);
        return OpsFiles.map(dataSources.get(0), "data source");
    }

    private static String dashboardProviderPath() {
        Map<String, Object> provisioning = OpsFiles.yaml(
                OpsFiles.GRAFANA.resolve("provisioning/dashboards/peerpulse.yml"));
        Map<String, Object> provider = OpsFiles.map(
                OpsFiles.list(provisioning.get("providers"), "providers").get(0), "provider");
        return String.valueOf(OpsFiles.map(provider.get("options"), "provider options").get("path"));
    }

    private Map<String, Object> service(String name) {
        return OpsFiles.map(compose.get(name), "compose service " + name);
    }

    private Map<String, String> environment(String name) {
        Map<String, String> variables = new LinkedHashMap<>();
        OpsFiles.map(service(name).getOrDefault("environment", Map.of()), name + " environment")
                .forEach((key, value) -> variables.put(key, String.valueOf(value)));
        return variables;
    }

    private int serverPort(String name) {
        return Integer.parseInt(environment(name).get("SERVER_PORT"));
    }

    private static List<String> strings(Object node) {
        return OpsFiles.list(node, "list").stream().map(String::valueOf).toList();
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String githubAnchor(String heading) {
        return heading.strip().toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static void promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(OpsFiles.PROMETHEUS.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":%n%s", output).isZero();
    }
}
