package org.peerpulse.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.json} (the figures and whether each target was met, for a machine or a closing note to
 * quote) and {@code report.md} with its SVG charts in {@code charts/} (for a reader).
 */
final class Report {

    static final double PIPELINE_TO_KAFKA = 0.25;
    static final double INGEST_TO_BARE = 0.4;
    static final double FRESHNESS_P99_MS = 1_000;
    static final double DASHBOARD_P99_MS = 20;
    static final double LARGE_TO_SMALL = 2;
    static final double RSS_MB = 300;
    static final List<String> SERVICES = List.of("session-service", "feedback-service", "metrics-service");

    private final Findings f;

    Report(Findings findings) {
        this.f = findings;
    }

    Map<String, Object> json() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", f.settings.quick() ? "quick" : "full");
        r.put("startedAt", f.startedAt);
        r.put("seconds", round(f.seconds));
        r.put("kafkaProducerRecordsPerSec", f.kafka == null ? null : round(f.kafka.producerRecordsPerSec()));
        r.put("kafkaConsumerRecordsPerSec", f.kafka == null ? null : round(f.kafka.consumerRecordsPerSec()));
        r.put("ingestSessionsPerSec", f.ingest == null ? null : round(f.ingest.requestsPerSec()));
        r.put("bareEndpointRequestsPerSec", f.bare == null ? null : round(f.bare.requestsPerSec()));
        r.put("pipelineEventsPerSec", f.pipeline == null ? null : round(f.pipeline.eventsPerSec()));
        r.put("pipelineToKafkaRatio", ratio(pipelineToKafka()));
        r.put("ingestToBareRatio", ratio(ingestToBare()));
        r.put("freshnessP50Ms", f.freshness == null ? null : round(f.freshness.p50Ms()));
        r.put("freshnessP99Ms", f.freshness == null ? null : round(f.freshness.p99Ms()));
        r.put("dashboardP99MsSmall", f.dashboardSmall == null ? null : round(f.dashboardSmall.p99Ms()));
        r.put("dashboardP99MsLarge", f.dashboardLarge == null ? null : round(f.dashboardLarge.p99Ms()));
        Map<String, Object> rss = new LinkedHashMap<>();
        f.rssMb.forEach((name, mb) -> rss.put(name, round(mb)));
        r.put("rssMb", rss);
        r.put("targets", targets());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("settings", f.settings);
        details.put("kafka", f.kafka);
        details.put("ingest", f.ingest);
        details.put("bare", f.bare);
        if (f.pipeline != null) {
            Map<String, Object> pipeline = new LinkedHashMap<>();
            pipeline.put("events", f.pipeline.events());
            pipeline.put("loadSeconds", round(f.pipeline.loadSeconds()));
            pipeline.put("drainSeconds", round(f.pipeline.drainSeconds()));
            pipeline.put("eventsPerSec", round(f.pipeline.eventsPerSec()));
            pipeline.put("overallEventsPerSec", round(f.pipeline.overallEventsPerSec()));
            pipeline.put("meterEventsPerSec", f.pipeline.meterEventsPerSec() == null ? null : round(f.pipeline.meterEventsPerSec()));
            pipeline.put("window", f.pipeline.window());
            pipeline.put("caughtUp", f.pipeline.caughtUp());
            details.put("pipeline", pipeline);
        }
        details.put("freshness", f.freshness);
        details.put("dashboardSmall", f.dashboardSmall);
        details.put("dashboardPipeline", f.dashboardPipeline);
        details.put("dashboardLarge", f.dashboardLarge);
        details.put("stackStartedByTheBenchmark", f.stackStartedHere);
        details.put("documentStore", f.store);
        details.put("loadAverageBefore", f.loadAverageBefore);
        details.put("loadAverageAfter", f.loadAverageAfter);
        details.put("cores", Runtime.getRuntime().availableProcessors());
        details.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        r.put("details", details);
        r.put("errors", f.errors);
        return r;
    }

    private Map<String, Object> targets() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("pipelineToKafkaRatio", target(">= " + PIPELINE_TO_KAFKA, pipelineToKafka(),
                pipelineToKafka() == null ? null : pipelineToKafka() >= PIPELINE_TO_KAFKA));
        t.put("ingestToBareRatio", target(">= " + INGEST_TO_BARE, ingestToBare(),
                ingestToBare() == null ? null : ingestToBare() >= INGEST_TO_BARE));
        t.put("freshnessP99Ms", target("< 1000", f.freshness == null ? null : f.freshness.p99Ms(),
                f.freshness == null ? null : f.freshness.p99Ms() < FRESHNESS_P99_MS && f.freshness.seen() == f.freshness.events()));
        t.put("dashboardP99MsSmall", target("< 20", f.dashboardSmall == null ? null : f.dashboardSmall.p99Ms(),
                f.dashboardSmall == null ? null : f.dashboardSmall.p99Ms() < DASHBOARD_P99_MS));
        t.put("dashboardP99MsLarge", target("< 20", f.dashboardLarge == null ? null : f.dashboardLarge.p99Ms(),
                f.dashboardLarge == null ? null : f.dashboardLarge.p99Ms() < DASHBOARD_P99_MS));
        Double growth = dashboardGrowth();
        t.put("dashboardLargeToSmallP99", target("< 2", growth, growth == null ? null : growth < LARGE_TO_SMALL));
        for (String service : SERVICES) {
            Double mb = f.rssMb.get(service);
            t.put("rssMb." + service, target("< 300", mb, mb == null ? null : mb < RSS_MB));
        }
        return t;
    }

    private static Map<String, Object> target(String target, Double value, Boolean met) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("target", target);
        entry.put("value", value == null ? null : Math.abs(value) < 10 ? ratio(value) : round(value));
        entry.put("met", met);
        return entry;
    }

    Double pipelineToKafka() {
        return f.pipeline == null || f.kafka == null ? null : f.pipeline.eventsPerSec() / f.kafka.consumerRecordsPerSec();
    }

    Double ingestToBare() {
        return f.ingest == null || f.bare == null || f.bare.requestsPerSec() == 0 ? null
                : f.ingest.requestsPerSec() / f.bare.requestsPerSec();
    }

    Double dashboardGrowth() {
        return f.dashboardSmall == null || f.dashboardLarge == null ? null
                : f.dashboardLarge.p99Ms() / f.dashboardSmall.p99Ms();
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(dir.resolve("report.json"), mapper.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
        List<String> charts = charts(dir.resolve("charts"));
        Files.writeString(dir.resolve("report.md"), markdown(charts), StandardCharsets.UTF_8);
    }

    private List<String> charts(Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        if (f.kafka != null || f.pipeline != null) {
            written.add(chart(dir, "throughput-pipeline.svg", SvgChart.bars("Events per second: the pipeline beside Kafka's own tools",
                    "/s", List.of(
                            new SvgChart.Bar("Kafka ProducerPerformance", f.kafka == null ? Double.NaN : f.kafka.producerRecordsPerSec(), "#7f8c8d"),
                            new SvgChart.Bar("Kafka ConsumerPerformance", f.kafka == null ? Double.NaN : f.kafka.consumerRecordsPerSec(), "#95a5a6"),
                            new SvgChart.Bar("metrics-service applies", f.pipeline == null ? Double.NaN : f.pipeline.eventsPerSec(), "#2980b9")),
                    f.kafka == null ? null : f.kafka.consumerRecordsPerSec() * PIPELINE_TO_KAFKA, "target: 0.25 × consumer")));
        }
        if (f.ingest != null || f.bare != null) {
            written.add(chart(dir, "throughput-http.svg", SvgChart.bars("HTTP: sessions created per second",
                    "/s", List.of(
                            new SvgChart.Bar("bare endpoint (same platform)", f.bare == null ? Double.NaN : f.bare.requestsPerSec(), "#95a5a6"),
                            new SvgChart.Bar("session-service", f.ingest == null ? Double.NaN : f.ingest.requestsPerSec(), "#2980b9")),
                    f.bare == null ? null : f.bare.requestsPerSec() * INGEST_TO_BARE, "target: 0.4 × bare")));
        }
        if (f.dashboardSmall != null || f.dashboardLarge != null || f.freshness != null) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            if (f.dashboardSmall != null) {
                bars.add(new SvgChart.Bar(String.format(Locale.ROOT, "dashboard p50, %s events", count(f.dashboardSmall.storedEvents())),
                        f.dashboardSmall.p50Ms(), "#a9cce3"));
                bars.add(new SvgChart.Bar(String.format(Locale.ROOT, "dashboard p99, %s events", count(f.dashboardSmall.storedEvents())),
                        f.dashboardSmall.p99Ms(), "#2980b9"));
            }
            if (f.dashboardPipeline != null) {
                bars.add(new SvgChart.Bar(String.format(Locale.ROOT, "dashboard p50, %s events", count(f.dashboardPipeline.storedEvents())),
                        f.dashboardPipeline.p50Ms(), "#f9e79f"));
                bars.add(new SvgChart.Bar(String.format(Locale.ROOT, "dashboard p99, %s events", count(f.dashboardPipeline.storedEvents())),
                        f.dashboardPipeline.p99Ms(), "#f1c40f"));
            }
            if (f.dashboardLarge != null) {
                bars.add(new SvgChart.Bar(String.format(Locale.ROOT, "dashboard p50, %s events*", count(f.dashboardLarge.storedEvents())),
                        f.dashboardLarge.p50Ms(), "#a9dfbf"));
                bars.add(new SvgChart.Bar(String.format(Locale.ROOT, "dashboard p99, %s events*", count(f.dashboardLarge.storedEvents())),
                        f.dashboardLarge.p99Ms(), "#27ae60"));
            }
            written.add(chart(dir, "latency-dashboard.svg", SvgChart.bars("Dashboard answer time", "ms", bars,
                    DASHBOARD_P99_MS, "target p99: 20 ms")));
        }
        if (f.freshness != null) {
            written.add(chart(dir, "latency-freshness.svg", SvgChart.bars(String.format(Locale.ROOT,
                    "Freshness at %,d events/s: written → on the dashboard", f.freshness.eventsPerSec()), "ms", List.of(
                            new SvgChart.Bar("p50", f.freshness.p50Ms(), "#a9cce3"),
                            new SvgChart.Bar("p99", f.freshness.p99Ms(), "#2980b9"),
                            new SvgChart.Bar("max", f.freshness.maxMs(), "#5d6d7e")),
                    FRESHNESS_P99_MS, "target p99: 1 s")));
        }
        if (!f.rssMb.isEmpty()) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            f.rssMb.forEach((name, mb) -> bars.add(new SvgChart.Bar(name, mb, SERVICES.contains(name) ? "#2980b9" : "#95a5a6")));
            written.add(chart(dir, "memory.svg", SvgChart.bars("Resident memory at load (peak of 1 s samples)", "MiB", bars,
                    RSS_MB, "services' target: 300 MB")));
        }
        if (f.pipeline != null && !f.pipeline.samples().isEmpty()) {
            List<double[]> produced = new ArrayList<>();
            List<double[]> applied = new ArrayList<>();
            for (double[] s : f.pipeline.samples()) {
                produced.add(new double[] { s[0], s[1] });
                applied.add(new double[] { s[0], s[2] });
            }
            written.add(chart(dir, "pipeline-catch-up.svg", SvgChart.lines("Pipeline: events on the topics and applied to rollups",
                    "events", List.of(new SvgChart.Series("on the topics", "#95a5a6", produced),
                            new SvgChart.Series("applied by metrics-service", "#2980b9", applied)))));
        }
        return written;
    }

    private static String chart(Path dir, String name, String svg) throws IOException {
        Files.writeString(dir.resolve(name), svg, StandardCharsets.UTF_8);
        return name;
    }

    private String markdown(List<String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# PeerPulse benchmark report\n\n");
        md.append(String.format(Locale.ROOT, "%s run started %s, %.0f s, on %d cores (load average before: %s, after: %s); "
                        + "stack %s, document store %s. How it is measured: docs/benchmark.md.%n%n",
                f.settings.quick() ? "A `--quick` smoke" : "A full", f.startedAt, f.seconds,
                Runtime.getRuntime().availableProcessors(), f.loadAverageBefore, f.loadAverageAfter,
                f.stackStartedHere ? "started by the benchmark (`./peerpulse up --fresh --store memory`, full JIT)" : "found running",
                f.store));
        if (f.settings.quick()) {
            md.append("> **Quick mode**: small sizes to check that every phase works. Do not judge the targets on these numbers.\n\n");
        }
        md.append("## Targets\n\n| measure | value | target | met |\n|---|---:|---|:-:|\n");
        targets().forEach((name, entry) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) entry;
            Object met = e.get("met");
            md.append("| ").append(name).append(" | ").append(e.get("value") == null ? "—" : e.get("value"))
                    .append(" | ").append(e.get("target")).append(" | ")
                    .append(met == null ? "not measured" : (Boolean) met ? "yes" : "**no**").append(" |\n");
        });
        md.append("\n");
        for (String chart : charts) {
            md.append("![").append(chart.replace(".svg", "").replace('-', ' ')).append("](charts/").append(chart).append(")\n\n");
        }
        md.append("## Figures\n\n| measure | value |\n|---|---:|\n");
        json().forEach((key, value) -> {
            if (!List.of("targets", "details", "errors", "rssMb", "mode", "startedAt").contains(key)) {
                md.append("| ").append(key).append(" | ").append(value == null ? "—" : value).append(" |\n");
            }
        });
        f.rssMb.forEach((name, mb) -> md.append("| rssMb.").append(name).append(" | ").append(round(mb)).append(" |\n"));
        md.append("\n## How each figure was taken\n\n");
        if (f.kafka != null) {
            md.append(String.format(Locale.ROOT, "- **Kafka limit**: ProducerPerformance then ConsumerPerformance (kafka-tools 4.1.2, child JVMs) on "
                    + "the stack's broker, %,d records whose payloads are our own events' JSON (mean %.0f B), on a fresh topic "
                    + "with as many partitions as ours; producer settings `%s`. The consumer figure is `fetch.nMsg.sec` "
                    + "(%,.0f/s with the group join: %,.0f/s).%n", f.kafka.records(), f.kafka.meanRecordBytes(), f.kafka.producerProps(),
                    f.kafka.consumerRecordsPerSec(), f.kafka.consumerWithJoinRecordsPerSec()));
        }
        if (f.pipeline != null) {
            md.append(String.format(Locale.ROOT, "- **Pipeline**: %.0f s of sustained load, %,d events (sessions and their feedback, "
                    + "agencies spread over every partition), the producer keeping metrics-service's lag at about ten seconds of "
                    + "its rate; applied = its consumer group's committed offsets (it commits a batch after the rollups took it). "
                    + "Rate over %s: %,.0f events/s (whole run: %,.0f/s; by metrics-service's own "
                    + "peerpulse_indicators_batch_events over the same window: %s). The rest drained in %.0f s%s.%n",
                    f.pipeline.loadSeconds(), f.pipeline.events(), f.pipeline.window(), f.pipeline.eventsPerSec(),
                    f.pipeline.overallEventsPerSec(), f.pipeline.meterEventsPerSec() == null ? "not scraped"
                            : String.format(Locale.ROOT, "%,.0f/s", f.pipeline.meterEventsPerSec()), f.pipeline.drainSeconds(), f.pipeline.caughtUp() ? "" : " (not all: it was still lagging)"));
        }
        if (f.ingest != null && f.bare != null) {
            md.append(String.format(Locale.ROOT, "- **HTTP ingest**: a closed loop of %d clients (java.net.http, HTTP/1.1, keep-alive), "
                    + "each posting a session with its own Idempotency-Key as the demo specialist, %d s warm-up then %.0f s counted. "
                    + "session-service: %,.0f created/s (p50 %.1f ms, p99 %.1f ms, %d failed). The bare endpoint is a Boot app on the "
                    + "same shared platform (same JWT filter chain, same Tomcat and Jackson settings, same JVM flags) whose handler "
                    + "validates the same body and answers 201 without storing anything: %,.0f/s (p50 %.1f ms, p99 %.1f ms).%n",
                    f.ingest.clients(), f.settings.ingestWarmUpSeconds(), f.ingest.seconds(), f.ingest.requestsPerSec(),
                    f.ingest.p50Ms(), f.ingest.p99Ms(), f.ingest.failed(), f.bare.requestsPerSec(), f.bare.p50Ms(), f.bare.p99Ms()));
        }
        if (f.freshness != null) {
            md.append(String.format(Locale.ROOT, "- **Freshness**: %,d events/s for %.0f s from an open-loop producer with the outbox "
                    + "relay's settings; one client polled the agency dashboard of a window only these events fall in (a poll "
                    + "took ~%.1f ms, %,d polls). Each event's freshness is the arrival of the first answer that counted it minus "
                    + "its scheduled send time. %,d of %,d events were seen.%n", f.freshness.eventsPerSec(), f.freshness.seconds(),
                    f.freshness.pollP50Ms(), f.freshness.polls(), f.freshness.seen(), f.freshness.events()));
        }
        for (DashboardLatency.Result tier : new DashboardLatency.Result[] { f.dashboardSmall, f.dashboardPipeline, f.dashboardLarge }) {
            if (tier != null) {
                md.append(String.format(Locale.ROOT, "- **Dashboards with %s events** (%s): %,d requests (agency by week, "
                        + "a program by day, a specialist by week, 28 days), p50 %.2f ms, p99 %.2f ms.%n",
                        count(tier.storedEvents()), tier.howStored(), tier.queries(), tier.p50Ms(), tier.p99Ms()));
            }
        }
        if (f.dashboardLarge != null) {
            md.append("\n\\* The large tier is not ten million events through the pipeline: the dashboards read only rollups "
                    + "(one per cell and day), so the window's rollups were scaled to what that many events leave, while the "
                    + "fact documents (which no dashboard reads) are only those the pipeline wrote. The middle tier is the "
                    + "store as the real pipeline filled it. docs/benchmark.md says why.\n\n");
        }
        md.append("- **Resident memory**: VmRSS from /proc/<pid>/status, sampled every second during the HTTP, pipeline and "
                + "freshness phases; the peak per process. Processes are found by their listening port.\n");
        if (!f.errors.isEmpty()) {
            md.append("\n## Phases that failed\n\n");
            f.errors.forEach(error -> md.append("- ").append(error).append('\n'));
        }
        return md.toString();
    }

    static String count(long events) {
        if (events >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", events / 1e6);
        }
        if (events >= 1_000) {
            return String.format(Locale.ROOT, "%.0f k", events / 1e3);
        }
        return Long.toString(events);
    }

    private static Double round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
    }

    /** Three significant digits, so a ratio far below its target (0.000459) does not print as 0.0. */
    private static Double ratio(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null
                : new BigDecimal(value).round(new MathContext(3)).doubleValue();
    }
}
