package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ops files of the repository as the tests read them: Prometheus's scrape configuration and alert rules
 * (deploy/prometheus), Grafana's provisioning and dashboards (deploy/grafana), and every PromQL expression in
 * them with where it was written, so a failing check can name the rule or panel to fix.
 */
final class OpsFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    static final Path GRAFANA = ROOT.resolve("deploy/grafana");

    /**
     * Series Prometheus makes itself for every target, which no service exposes: {@code up} is 1 when the
     * scrape with the ops token worked, which the exposure check proves by scraping with that same client.
     */
    static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A PromQL expression and where it is written, e.g. {@code rules/peerpulse-alerts.yml: alert ConsumerLagHigh}. */
    record Expression(String where, String promql) {

        Set<String> metricNames() {
            return PromQl.metricNames(promql);
        }
    }

    /** An alert rule: its name, expression and annotations (summary, runbook_url...). */
    record AlertRule(Path file, String alert, String expr, Map<String, Object> labels, Map<String, Object> annotations) {
    }

    private OpsFiles() {
    }

    static Map<String, Object> prometheusConfig() {
        return yaml(PROMETHEUS.resolve("prometheus.yml"));
    }

    /** The rule files prometheus.yml names (globs relative to its folder, as Prometheus resolves them). */
    static List<Path> ruleFiles() {
        List<Path> files = new ArrayList<>();
        for (Object glob : list(prometheusConfig().get("rule_files"), "rule_files")) {
            Path pattern = Path.of(String.valueOf(glob));
            Path dir = PROMETHEUS.resolve(pattern).getParent();
            var matcher = dir.getFileSystem().getPathMatcher("glob:" + pattern.getFileName());
            try (Stream<Path> inDir = Files.list(dir)) {
                inDir.filter(file -> matcher.matches(file.getFileName())).sorted().forEach(files::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static List<AlertRule> alertRules() {
        List<AlertRule> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (Object group : list(yaml(file).get("groups"), file + " groups")) {
                for (Object rule : list(map(group, file + " group").get("rules"), file + " rules")) {
                    Map<String, Object> definition = map(rule, file + " rule");
                    rules.add(new AlertRule(file, String.valueOf(definition.get("alert")),
                            String.valueOf(definition.get("expr")),
                            map(definition.getOrDefault("labels", Map.of()), "labels"),
                            map(definition.getOrDefault("annotations", Map.of()), "annotations")));
                }
            }
        }
        return rules;
    }

    static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel of a dashboard, those inside collapsed rows included; rows themselves are not panels. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asString())) {
                panel.path("panels").forEach(panels::add);
            }
            else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*[a-zA-Z_]\\w*\\s*\\)");

    /** Every expression of the alert rules, the dashboards' panel targets and their variables' queries. */
    static List<Expression> expressions() {
        List<Expression> expressions = new ArrayList<>();
        for (AlertRule rule : alertRules()) {
            expressions.add(new Expression(PROMETHEUS.relativize(rule.file()) + ": alert " + rule.alert(), rule.expr()));
        }
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = dashboard(file);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    expressions.add(new Expression(file.getFileName() + ": panel \"" + panel.path("title").asString()
                            + "\" " + target.path("refId").asString(), target.path("expr").asString()));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String promql = query.isObject() ? query.path("query").asString() : query.asString();
                // Grafana's label_values(<selector>, <label>): only the selector is PromQL.
                Matcher labelValues = LABEL_VALUES.matcher(promql);
                expressions.add(new Expression(file.getFileName() + ": variable $" + variable.path("name").asString(),
                        labelValues.matches() ? labelValues.group(1) : promql));
            }
        }
        return expressions;
    }

    /** Each metric name the ops files read, with where they read it. */
    static Map<String, Set<String>> metricsUsed() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Expression expression : expressions()) {
            expression.metricNames().forEach(name -> used.computeIfAbsent(name, key -> new TreeSet<>())
                    .add(expression.where()));
        }
        return used;
    }

    // ---- YAML

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), file.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    static List<?> list(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(List.class);
        return (List<?>) node;
    }
}
