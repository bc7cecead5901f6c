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
            "streamsEventsPerSec", "pipelineEventsPerSec", "pipelineToConsumerPerfRatio", "pipelineToStreamsRatio",
            "ingestSessionsPerSec", "bareEndpointRequestsPerSec", "ingestToBareRatio", "freshnessP50Ms", "freshnessP99Ms",
            "answerFreshnessP50Ms", "answerFreshnessP99Ms", "harmWebhookP50Ms", "harmWebhookP99Ms", "dashboardP99MsSmall", "dashboardP99MsLarge",
            "dashboardLargeToSmallP99", "rssMb", "storeRssMbAfterRun", "cpuSeconds");

    @TempDir
    Path dir;

    @Test
    void aRatioFarBelowItsTargetKeepsThreeSignificantDigits() throws Exception {
        Findings findings = measured();
        findings.pipeline = pipeline(491.2, 1_070_091.0, 40_000, true, 0);
        new Report(findings).write(dir);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.path("pipelineToConsumerPerfRatio").asDouble()).isEqualTo(0.000459);
        assertThat(json.path("targets").path("pipelineToConsumerPerfRatio").path("value").asDouble()).isEqualTo(0.000459);
    }

    @Test
    void reportJsonHoldsEveryFigureAndJudgesEachTarget() throws Exception {
        Findings findings = measured();
        new Report(findings).write(dir);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(REQUIRED).allSatisfy(key -> assertThat(json.has(key)).as(key).isTrue());
        assertThat(json.path("pipelineToConsumerPerfRatio").asDouble()).isEqualTo(0.3);
        assertThat(json.path("pipelineToStreamsRatio").asDouble()).isEqualTo(1.5);
        assertThat(json.path("ingestToBareRatio").asDouble()).isEqualTo(0.25);
        assertThat(json.path("rssMb").path("metrics-service").asDouble()).isEqualTo(310.0);
        assertThat(json.path("cpuSeconds").path("Pipeline catch-up").path("metrics-service").asDouble()).isEqualTo(12.5);

        JsonNode targets = json.path("targets");
        assertThat(targets.path("pipelineToConsumerPerfRatio").path("met").asBoolean()).isTrue();
        assertThat(targets.path("pipelineToStreamsRatio").path("met").asBoolean()).isTrue();
        assertThat(targets.path("pipelineCountedExactly").path("met").asBoolean()).isTrue();
        assertThat(targets.path("ingestToBareRatio").path("met").asBoolean()).isFalse();
        assertThat(targets.path("freshnessP99Ms").path("met").asBoolean()).isTrue();
        assertThat(targets.path("answerFreshnessP99Ms").path("met").asBoolean()).isFalse();
        assertThat(targets.path("dashboardP99MsSmall").path("met").asBoolean()).isTrue();
        assertThat(targets.path("dashboardP99MsLarge").path("met").asBoolean()).isFalse();
        assertThat(targets.path("dashboardLargeToSmallP99").path("value").asDouble()).isEqualTo(1.5);
        assertThat(targets.path("dashboardLargeToSmallP99").path("met").asBoolean()).isTrue();
        assertThat(targets.path("rssMb.session-service").path("met").asBoolean()).isTrue();
        assertThat(targets.path("rssMb.feedback-service").path("met").asBoolean()).isFalse();
        assertThat(targets.path("rssMb.metrics-service").path("met").asBoolean()).isFalse();
        assertThat(targets.path("storeRssMbAfterRun").path("met").asBoolean()).isTrue();
    }

    @Test
    void aConsumerThatDidNotCatchUpOrCountedWrongIsNoPass() throws Exception {
        Findings findings = measured();
        findings.pipeline = pipeline(60_000, 200_000, 40_000, false, 0);
        new Report(findings).write(dir);

        JsonNode targets = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json"))).path("targets");
        assertThat(targets.path("pipelineToConsumerPerfRatio").path("met").isNull()).isTrue();
        assertThat(targets.path("pipelineToStreamsRatio").path("met").isNull()).isTrue();

        findings.pipeline = pipeline(60_000, 200_000, 40_000, true, -1);
        new Report(findings).write(dir);
        targets = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json"))).path("targets");
        assertThat(targets.path("pipelineCountedExactly").path("met").asBoolean()).isFalse();

        findings.pipeline = pipeline(60_000, 200_000, 40_000, true, 0, 3);
        new Report(findings).write(dir);
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.path("targets").path("pipelineCountedExactly").path("met").asBoolean()).isFalse();
        assertThat(json.path("targets").path("pipelineCountedExactly").path("target").asString())
                .isEqualTo("= 9065, and 0 invitations");
        assertThat(json.path("details").path("pipeline").path("metricsService").path("countedAsExpected").asBoolean())
                .isFalse();
        assertThat(json.path("details").path("pipeline").path("streams").path("countedAsExpected").asBoolean()).isTrue();
    }

    @Test
    void aFailedPhaseIsNotMeasuredAndNamedInsteadOfMet() throws Exception {
        Findings findings = measured();
        findings.pipeline = null;
        findings.errors.add("Pipeline catch-up: java.lang.IllegalStateException: no consumer");
        new Report(findings).write(dir);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.path("pipelineEventsPerSec").isNull()).isTrue();
        assertThat(json.path("targets").path("pipelineToConsumerPerfRatio").path("met").isNull()).isTrue();
        assertThat(json.path("errors").get(0).asString()).contains("Pipeline catch-up");
        assertThat(Files.readString(dir.resolve("report.md")))
                .contains("| pipelineToConsumerPerfRatio | — | >= 0.25 | not measured |")
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

    @Test
    void aHarmWebhookTargetIsMetOnlyWhenEveryReportsNoticeArrivedOnceSignedAndWithoutItsWords() throws Exception {
        Findings findings = measured();
        JsonMapper json = JsonMapper.builder().build();
        new Report(findings).write(dir);
        JsonNode met = json.readTree(Files.readString(dir.resolve("report.json")));
        assertThat(met.path("harmWebhookP99Ms").asDouble()).isEqualTo(504.9);
        assertThat(met.path("targets").path("harmWebhookP99Ms").path("met").asBoolean()).isTrue();

        for (HarmWebhookLatency.Result spoiled : List.of(harm(6_000, 0, 23, 0), harm(500, 1, 24, 0),
                harm(500, 0, 22, 0), harm(500, 0, 23, 1))) {
            findings.harmWebhooks = spoiled;
            new Report(findings).write(dir);
            assertThat(json.readTree(Files.readString(dir.resolve("report.json"))).path("targets")
                    .path("harmWebhookP99Ms").path("met").asBoolean()).as(spoiled.toString()).isFalse();
        }
    }

    /** 20 reports accepted and received after 3 untimed; 23 arrivals plus {@code copies}. */
    private static HarmWebhookLatency.Result harm(double p99Ms, long copies, long verified, long leaked) {
        return new HarmWebhookLatency.Result(20, 2.0, 20, 20, copies, 23 + copies, verified, leaked, 0, "{}", 202,
                p99Ms, p99Ms, 156, 410, 3, "POST /harbor-alerts");
    }

    private static Findings measured() {
        Findings f = new Findings();
        f.settings = Settings.quickRun();
        f.startedAt = "2026-11-27T05:00:00Z";
        f.seconds = 300;
        f.loadAverageBefore = "0.5";
        f.loadAverageAfter = "1.5";
        f.kafkaProducer = new KafkaPerf.ProducerResult(200_000, 578, "acks=all", 100_000, "");
        f.pipeline = pipeline(60_000, 200_000, 40_000, true, 0);
        f.bare = new IngestLoad.Result("bare endpoint", 8, 10, 10_000, 0, 1_000, 5, 20, "{}");
        f.ingest = new IngestLoad.Result("session-service", 8, 10, 2_500, 0, 250, 20, 80, "{}");
        f.freshness = new Freshness.Result(1_000, 10, 10_000, 10_000, 120, 480, 700, 4, 2_000);
        f.answers = new AnswerFreshness.Result(100, 15, "2026-10-01", 1_500, 1_500, 1_500, 0, "{}", 300, 1_200, 1_500,
                250, 1_100, 20, 60, 4, 3_000, 200);
        f.harmWebhooks = harm(504.9, 0, 23, 0);
        f.dashboardSmall = new DashboardLatency.Result(10_000, "all through the real pipeline", 16, 1_920, 2, 4, 6, 800,
                5_000, 10_000);
        f.dashboardPipeline = new DashboardLatency.Result(500_000, "all through the real pipeline", 16, 1_920, 3, 5, 7, 700,
                80_000, 60_000);
        f.dashboardLarge = new DashboardLatency.Result(10_000_000, "all through the real pipeline", 16, 1_920, 4, 6, 9, 600,
                5_000_000, 800_000);
        f.rssMb.put("kafka", 330.0);
        f.rssMb.put("session-service", 280.0);
        f.rssMb.put("feedback-service", 290.0);
        f.rssMb.put("metrics-service", 310.0);
        f.storeRssMbAfterRun = 1_200.0;
        f.cpuSeconds.put("Pipeline catch-up", java.util.Map.of("metrics-service", 12.5, "mongo", 8.0));
        return f;
    }

    /**
     * A pipeline phase whose metrics-service applied {@code metricsRate}/s and whose rollups count {@code miscounted}
     * more than the backlog leaves counting.
     */
    private static CatchUpPhase.Result pipeline(double metricsRate, double consumerPerfRate, double streamsRate,
            boolean caughtUp, long miscounted) {
        return pipeline(metricsRate, consumerPerfRate, streamsRate, caughtUp, miscounted, 0);
    }

    /** ... and whose rollups count {@code miscountedInvitations} invitations, where the backlog leaves none. */
    private static CatchUpPhase.Result pipeline(double metricsRate, double consumerPerfRate, double streamsRate,
            boolean caughtUp, long miscounted, long miscountedInvitations) {
        Backlog.Mix mix = new Backlog.Mix(5_000, 4_250, 100, 85, 0);
        Pipeline.CatchUp metrics = new Pipeline.CatchUp("metrics-service", mix.events(), 1, metricsRate, 20, caughtUp,
                List.of(new double[] { 0, 0 }, new double[] { 1, 5_000 }));
        Pipeline.CatchUp streams = new Pipeline.CatchUp("Kafka Streams peer", mix.events(), 1, streamsRate, 15, true,
                List.of(new double[] { 0, 0 }, new double[] { 1, 5_000 }));
        KafkaPerf.ConsumerResult perf = new KafkaPerf.ConsumerResult(mix.events(), 0.05, consumerPerfRate, 100_000, List.of());
        return new CatchUpPhase.Result(3, List.of("harbor", "bench-agency-1"), mix, 1, 9_435, 4, perf,
                new StreamsPeer.Result(streams, mix.netCounted(), 0L, 800L, 0L, 250.0, "exactly_once_v2"), metrics,
                mix.netCounted() + miscounted, miscountedInvitations,
                mix.netCounted(), 300.0);
    }
}
