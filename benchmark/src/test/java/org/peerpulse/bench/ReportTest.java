package org.peerpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report is what a closing note quotes and a reader judges the targets by: every figure the issue names
 * is in report.json, each target is judged against the right figure and direction, a phase that failed is
 * "not measured" rather than met, and the charts are well-formed SVG that report.md links. No benchmark runs here.
 */
class ReportTest {

    private static final List<String> REQUIRED = List.of("kafkaProducerRecordsPerSec", "kafkaConsumerRecordsPerSec",
            "ingestSessionsPerSec", "bareEndpointRequestsPerSec", "pipelineEventsPerSec", "pipelineToKafkaRatio",
            "ingestToBareRatio", "freshnessP50Ms", "freshnessP99Ms", "dashboardP99MsSmall", "dashboardP99MsLarge", "rssMb");

    @TempDir
    Path dir;

    @Test
    void aRatioFarBelowItsTargetKeepsThreeSignificantDigits() throws Exception {
        Findings findings = measured();
        findings.kafka = new KafkaPerf.Result(200_000, 578, "acks=all", 338_810.8, 1_070_091.0, 1_000_000, "", "");
        findings.pipeline = new Pipeline.Result(100_000, 150, 5, 491.2, 480, 490.0, "10 s to 40 s", true, List.of());
        new Report(findings).write(dir);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.path("pipelineToKafkaRatio").asDouble()).isEqualTo(0.000459);
        assertThat(json.path("targets").path("pipelineToKafkaRatio").path("value").asDouble()).isEqualTo(0.000459);
    }

    @Test
    void reportJsonHoldsEveryFigureAndJudgesEachTarget() throws Exception {
        Findings findings = measured();
        new Report(findings).write(dir);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(REQUIRED).allSatisfy(key -> assertThat(json.has(key)).as(key).isTrue());
        assertThat(json.path("pipelineToKafkaRatio").asDouble()).isEqualTo(0.3);
        assertThat(json.path("ingestToBareRatio").asDouble()).isEqualTo(0.25);
        assertThat(json.path("rssMb").path("metrics-service").asDouble()).isEqualTo(310.0);

        JsonNode targets = json.path("targets");
        assertThat(targets.path("pipelineToKafkaRatio").path("met").asBoolean()).isTrue();
        assertThat(targets.path("ingestToBareRatio").path("met").asBoolean()).isFalse();
        assertThat(targets.path("freshnessP99Ms").path("met").asBoolean()).isTrue();
        assertThat(targets.path("dashboardP99MsSmall").path("met").asBoolean()).isTrue();
        assertThat(targets.path("dashboardP99MsLarge").path("met").asBoolean()).isFalse();
        assertThat(targets.path("dashboardLargeToSmallP99").path("value").asDouble()).isEqualTo(2.5);
        assertThat(targets.path("dashboardLargeToSmallP99").path("met").asBoolean()).isFalse();
        assertThat(targets.path("rssMb.session-service").path("met").asBoolean()).isTrue();
        assertThat(targets.path("rssMb.metrics-service").path("met").asBoolean()).isFalse();
    }

    @Test
    void aFailedPhaseIsNotMeasuredAndNamedInsteadOfMet() throws Exception {
        Findings findings = measured();
        findings.pipeline = null;
        findings.errors.add("Pipeline catch-up: java.lang.IllegalStateException: no consumer");
        new Report(findings).write(dir);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.path("pipelineEventsPerSec").isNull()).isTrue();
        assertThat(json.path("targets").path("pipelineToKafkaRatio").path("met").isNull()).isTrue();
        assertThat(json.path("errors").get(0).asString()).contains("Pipeline catch-up");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("| pipelineToKafkaRatio | — | >= 0.25 | not measured |")
                .contains("## Phases that failed");
    }

    @Test
    void chartsAreWellFormedSvgLinkedFromTheReport() throws Exception {
        new Report(measured()).write(dir);

        String markdown = Files.readString(dir.resolve("report.md"));
        List<Path> charts;
        try (Stream<Path> files = Files.list(dir.resolve("charts"))) {
            charts = files.toList();
        }
        assertThat(charts).hasSize(6);
        for (Path chart : charts) {
            assertThat(markdown).contains("(charts/" + chart.getFileName() + ")");
            assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile())
                    .getDocumentElement().getTagName()).isEqualTo("svg");
        }
    }

    private static Findings measured() {
        Findings f = new Findings();
        f.settings = Settings.quickRun();
        f.startedAt = "2026-11-27T05:00:00Z";
        f.seconds = 300;
        f.loadAverageBefore = "0.5";
        f.loadAverageAfter = "1.5";
        f.kafka = new KafkaPerf.Result(200_000, 578, "acks=all", 100_000, 200_000, 150_000, "", "");
        f.pipeline = new Pipeline.Result(100_000, 40, 5, 60_000, 55_000, 59_000.0, "10 s to 40 s", true,
                List.of(new double[] { 0, 0, 0 }, new double[] { 1, 10_000, 5_000 }));
        f.bare = new IngestLoad.Result("bare endpoint", 8, 10, 10_000, 0, 1_000, 5, 20, "{}");
        f.ingest = new IngestLoad.Result("session-service", 8, 10, 2_500, 0, 250, 20, 80, "{}");
        f.freshness = new Freshness.Result(1_000, 10, 10_000, 10_000, 120, 480, 700, 4, 2_000);
        f.dashboardSmall = new DashboardLatency.Result(10_000, "all through the real pipeline", 300, 4, 8, 5_000);
        f.dashboardPipeline = new DashboardLatency.Result(500_000, "all through the real pipeline", 300, 5, 12, 80_000);
        f.dashboardLarge = new DashboardLatency.Result(10_000_000, "rollups scaled", 300, 6, 20, 5_000_000);
        f.rssMb.put("kafka", 330.0);
        f.rssMb.put("session-service", 280.0);
        f.rssMb.put("metrics-service", 310.0);
        return f;
    }
}
