package org.peerpulse.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.json} (the figures and whether each target of DESIGN.md §10 was met, for a machine or a closing
 * note to quote) and {@code report.md} with its SVG charts in {@code charts/} (for a reader).
 */
final class Report {

    static final double PIPELINE_TO_CONSUMER_PERF = 0.25;
    static final double PIPELINE_TO_STREAMS = 1.0;
    static final double INGEST_TO_BARE = 0.5;
    static final double FRESHNESS_P99_MS = 500;
    static final double ANSWER_FRESHNESS_P99_MS = 1_000;
    static final double HARM_WEBHOOK_P99_MS = 5_000;
    static final double DASHBOARD_P99_MS = 5;
    static final double LARGE_TO_SMALL = 1.5;
    /** Resident sizes are read in MiB (VmRSS); the targets are in MB: 300 MB and 1.5 GB. */
    static final double MIB_PER_MB = 1_000_000.0 / (1 << 20);
    static final double SERVICE_RSS_MIB = 300 * MIB_PER_MB;
    static final double STORE_RSS_MIB = 1_500 * MIB_PER_MB;
    static final List<String> SERVICES = List.of("session-service", "feedback-service", "metrics-service");

    private final Findings f;

    Report(Findings findings) {
        this.f = findings;
    }

    Map<String, Object> json() {
        CatchUpPhase.Result p = f.pipeline;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", f.settings.quick() ? "quick" : "full");
        r.put("startedAt", f.startedAt);
        r.put("seconds", round(f.seconds));
        r.put("kafkaProducerRecordsPerSec", f.kafkaProducer == null ? null : round(f.kafkaProducer.producerRecordsPerSec()));
        r.put("kafkaConsumerRecordsPerSec", p == null || p.consumerPerf() == null ? null : round(p.consumerPerf().recordsPerSec()));
        r.put("streamsEventsPerSec", streamsRate() == null ? null : round(streamsRate()));
        r.put("pipelineEventsPerSec", pipelineRate() == null ? null : round(pipelineRate()));
        r.put("pipelineToConsumerPerfRatio", ratio(p == null ? null : p.pipelineToConsumerPerf()));
        r.put("pipelineToStreamsRatio", ratio(p == null ? null : p.pipelineToStreams()));
        r.put("ingestSessionsPerSec", f.ingest == null ? null : round(f.ingest.requestsPerSec()));
        r.put("bareEndpointRequestsPerSec", f.bare == null ? null : round(f.bare.requestsPerSec()));
        r.put("ingestToBareRatio", ratio(ingestToBare()));
        r.put("freshnessP50Ms", f.freshness == null ? null : round(f.freshness.p50Ms()));
        r.put("freshnessP99Ms", f.freshness == null ? null : round(f.freshness.p99Ms()));
        r.put("answerFreshnessP50Ms", f.answers == null ? null : round(f.answers.p50Ms()));
        r.put("answerFreshnessP99Ms", f.answers == null ? null : round(f.answers.p99Ms()));
        r.put("harmWebhookP50Ms", f.harmWebhooks == null ? null : round(f.harmWebhooks.p50Ms()));
        r.put("harmWebhookP99Ms", f.harmWebhooks == null ? null : round(f.harmWebhooks.p99Ms()));
        r.put("dashboardP99MsSmall", f.dashboardSmall == null ? null : round(f.dashboardSmall.p99Ms()));
        r.put("dashboardP99MsLarge", f.dashboardLarge == null ? null : round(f.dashboardLarge.p99Ms()));
        r.put("dashboardLargeToSmallP99", ratio(dashboardGrowth()));
        Map<String, Object> rss = new LinkedHashMap<>();
        f.rssMb.forEach((name, mb) -> rss.put(name, round(mb)));
        r.put("rssMb", rss);
        r.put("storeRssMbAfterRun", f.storeRssMbAfterRun == null ? null : round(f.storeRssMbAfterRun));
        r.put("cpuSeconds", f.cpuSeconds);
        r.put("targets", targets());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("settings", f.settings);
        details.put("kafkaProducer", f.kafkaProducer);
        details.put("ingest", f.ingest);
        details.put("bare", f.bare);
        if (p != null) {
            Map<String, Object> pipeline = new LinkedHashMap<>();
            pipeline.put("partitions", p.partitions());
            pipeline.put("agencies", p.agencies());
            pipeline.put("backlog", p.mix());
            pipeline.put("backlogEvents", p.mix().events());
            pipeline.put("loadSeconds", round(p.loadSeconds()));
            pipeline.put("loadEventsPerSec", round(p.loadEventsPerSec()));
            pipeline.put("feedbackServiceReadSeconds", round(p.feedbackServiceReadSeconds()));
            pipeline.put("consumerPerformance", p.consumerPerf());
            if (p.streams() != null) {
                Map<String, Object> peer = new LinkedHashMap<>();
                peer.put("rollups", p.streams().rollups());
                peer.put("unreadable", p.streams().unreadable());
                peer.put("settings", p.streams().settings());
                peer.put("cpuSecondsPerMillionEvents", cpuPerMillion(STREAMS_APPLYING, p.streams().catchUp()));
                pipeline.put("streams", catchUp(p.streams().catchUp(), p.streams().counted(), p.expectedCounted(),
                        p.streams().invitations(), p.expectedInvitations(), p.streams().residentMb(), peer));
            }
            if (p.metrics() != null) {
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("cpuSecondsPerMillionEvents", cpuPerMillion(METRICS_APPLYING, p.metrics()));
                pipeline.put("metricsService", catchUp(p.metrics(), p.metricsCounted(), p.expectedCounted(),
                        p.metricsInvitations(), p.expectedInvitations(), p.metricsResidentMb(), service));
            }
            details.put("pipeline", pipeline);
        }
        details.put("freshness", f.freshness);
        details.put("answers", f.answers);
        details.put("harmWebhooks", f.harmWebhooks);
        details.put("dashboardSmall", f.dashboardSmall);
        details.put("dashboardPipeline", f.dashboardPipeline);
        details.put("dashboardLarge", f.dashboardLarge);
        details.put("largeTier", f.largeTier);
        details.put("stackStartedByTheBenchmark", f.stackStartedHere);
        details.put("documentStore", f.store);
        details.put("storeAfterRun", f.storeAfterRun);
        details.put("loadAverageBefore", f.loadAverageBefore);
        details.put("loadAverageAfter", f.loadAverageAfter);
        details.put("cores", Runtime.getRuntime().availableProcessors());
        details.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        r.put("details", details);
        r.put("errors", f.errors);
        return r;
    }

    /** The CPU steps from a consumer's first commit to caught up ({@link CatchUpPhase}, {@link StreamsPeer}). */
    static final String METRICS_APPLYING = "pipeline: metrics-service, first commit to caught up";
    static final String STREAMS_APPLYING = "pipeline: Kafka Streams peer, first commit to caught up";

    /**
     * CPU seconds per million events applied from a consumer's first commit to caught up, per process (the consumer,
     * the broker, the store): what applying costs, start-up left out. Null when the step was not measured.
     */
    private Map<String, Double> cpuPerMillion(String step, Pipeline.CatchUp catchUp) {
        Map<String, Double> seconds = f.cpuSeconds.get(step);
        if (seconds == null || catchUp.samples().isEmpty() || Double.isNaN(catchUp.eventsPerSec())) {
            return null;
        }
        double events = catchUp.eventsPerSec() * catchUp.seconds();
        Map<String, Double> perMillion = new LinkedHashMap<>();
        seconds.forEach((process, used) -> perMillion.put(process, round(used / events * 1e6)));
        return perMillion;
    }

    private static Map<String, Object> catchUp(Pipeline.CatchUp c, Long counted, long expected, Long invitations,
            long expectedInvitations, Double residentMb, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", c.events());
        m.put("eventsPerSec", round(c.eventsPerSec()));
        m.put("seconds", round(c.seconds()));
        m.put("secondsFromStart", round(c.secondsFromStart()));
        m.put("caughtUp", c.caughtUp());
        m.put("counted", counted);
        m.put("expectedCounted", expected);
        m.put("invitations", invitations);
        m.put("expectedInvitations", expectedInvitations);
        m.put("countedAsExpected", counted != null && counted == expected && invitations != null
                && invitations == expectedInvitations);
        m.put("residentMb", residentMb == null ? null : round(residentMb));
        m.putAll(extra);
        return m;
    }

    private Map<String, Object> targets() {
        CatchUpPhase.Result p = f.pipeline;
        Map<String, Object> t = new LinkedHashMap<>();
        Double toPerf = p == null ? null : p.pipelineToConsumerPerf();
        t.put("pipelineToConsumerPerfRatio", target(">= " + PIPELINE_TO_CONSUMER_PERF, toPerf,
                toPerf == null ? null : toPerf >= PIPELINE_TO_CONSUMER_PERF));
        Double toStreams = p == null ? null : p.pipelineToStreams();
        t.put("pipelineToStreamsRatio", target(">= " + PIPELINE_TO_STREAMS, toStreams,
                toStreams == null ? null : toStreams >= PIPELINE_TO_STREAMS));
        Long counted = p == null ? null : p.metricsCounted();
        t.put("pipelineCountedExactly", target(p == null ? "= the backlog's sessions and answers, and its invitations"
                : String.format(Locale.ROOT, "= %d, and %d invitations", p.expectedCounted(), p.expectedInvitations()),
                counted, p == null ? null : p.metricsCountedExactly()));
        t.put("ingestToBareRatio", target(">= " + INGEST_TO_BARE, ingestToBare(),
                ingestToBare() == null ? null : ingestToBare() >= INGEST_TO_BARE));
        t.put("freshnessP99Ms", target("< 500 at 1,000 events/s", f.freshness == null ? null : f.freshness.p99Ms(),
                f.freshness == null ? null : f.freshness.p99Ms() < FRESHNESS_P99_MS && f.freshness.seen() == f.freshness.events()));
        t.put("answerFreshnessP99Ms", target("< 1000 at 100 answers/s", f.answers == null ? null : f.answers.p99Ms(),
                f.answers == null ? null : f.answers.p99Ms() < ANSWER_FRESHNESS_P99_MS
                        && f.answers.seen() == f.answers.answers()));
        HarmWebhookLatency.Result h = f.harmWebhooks;
        t.put("harmWebhookP99Ms", target("< 5000, each report's notice once, signed, without its words",
                h == null ? null : h.p99Ms(), h == null ? null : h.p99Ms() < HARM_WEBHOOK_P99_MS
                        && h.received() == h.accepted() && h.accepted() == h.reports() && h.copies() == 0
                        && h.leaked() == 0 && h.verified() == h.arrivals()));
        t.put("dashboardP99MsSmall", target("< 5 with 16 clients", f.dashboardSmall == null ? null : f.dashboardSmall.p99Ms(),
                f.dashboardSmall == null ? null : f.dashboardSmall.p99Ms() < DASHBOARD_P99_MS));
        t.put("dashboardP99MsLarge", target("< 5 with 16 clients", f.dashboardLarge == null ? null : f.dashboardLarge.p99Ms(),
                f.dashboardLarge == null ? null : f.dashboardLarge.p99Ms() < DASHBOARD_P99_MS));
        Double growth = dashboardGrowth();
        t.put("dashboardLargeToSmallP99", target("<= 1.5", growth, growth == null ? null : growth <= LARGE_TO_SMALL));
        for (String service : SERVICES) {
            Double mb = f.rssMb.get(service);
            t.put("rssMb." + service, target("< 300 MB (286.1 MiB)", mb, mb == null ? null : mb < SERVICE_RSS_MIB));
        }
        t.put("storeRssMbAfterRun", target("< 1.5 GB (1430.5 MiB)", f.storeRssMbAfterRun,
                f.storeRssMbAfterRun == null ? null : f.storeRssMbAfterRun < STORE_RSS_MIB));
        return t;
    }

    private static Map<String, Object> target(String target, Number value, Boolean met) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("target", target);
        entry.put("value", value == null || value instanceof Long ? value
                : Math.abs(value.doubleValue()) < 10 ? ratio(value.doubleValue()) : round(value.doubleValue()));
        entry.put("met", met);
        return entry;
    }

    Double pipelineRate() {
        return f.pipeline == null || f.pipeline.metrics() == null ? null : f.pipeline.metrics().eventsPerSec();
    }

    Double streamsRate() {
        return f.pipeline == null || f.pipeline.streams() == null ? null : f.pipeline.streams().catchUp().eventsPerSec();
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
        CatchUpPhase.Result p = f.pipeline;
        if (p != null) {
            double perf = p.consumerPerf() == null ? Double.NaN : p.consumerPerf().recordsPerSec();
            written.add(chart(dir, "throughput-pipeline.svg", SvgChart.bars("Catching up on the same backlog, events per second",
                    "/s", List.of(
                            new SvgChart.Bar("Kafka ConsumerPerformance", perf, "#95a5a6"),
                            new SvgChart.Bar("Kafka Streams peer (EOS v2)", streamsRate() == null ? Double.NaN : streamsRate(), "#7f8c8d"),
                            new SvgChart.Bar("metrics-service", pipelineRate() == null ? Double.NaN : pipelineRate(), "#2980b9")),
                    Double.isNaN(perf) ? null : perf * PIPELINE_TO_CONSUMER_PERF, "target: 0.25 × ConsumerPerformance")));
        }
        if (f.ingest != null || f.bare != null) {
            written.add(chart(dir, "throughput-http.svg", SvgChart.bars("HTTP: sessions created per second",
                    "/s", List.of(
                            new SvgChart.Bar("bare endpoint (same platform)", f.bare == null ? Double.NaN : f.bare.requestsPerSec(), "#95a5a6"),
                            new SvgChart.Bar("session-service", f.ingest == null ? Double.NaN : f.ingest.requestsPerSec(), "#2980b9")),
                    f.bare == null ? null : f.bare.requestsPerSec() * INGEST_TO_BARE, "target: 0.5 × bare")));
        }
        List<SvgChart.Bar> dashboards = new ArrayList<>();
        for (DashboardLatency.Result tier : new DashboardLatency.Result[] { f.dashboardSmall, f.dashboardPipeline, f.dashboardLarge }) {
            if (tier != null) {
                dashboards.add(new SvgChart.Bar(String.format(Locale.ROOT, "p50, %s events", count(tier.storedEvents())),
                        tier.p50Ms(), "#a9cce3"));
                dashboards.add(new SvgChart.Bar(String.format(Locale.ROOT, "p99, %s events", count(tier.storedEvents())),
                        tier.p99Ms(), "#2980b9"));
            }
        }
        if (!dashboards.isEmpty()) {
            written.add(chart(dir, "latency-dashboard.svg", SvgChart.bars("Dashboard answer time, 16 concurrent clients", "ms",
                    dashboards, DASHBOARD_P99_MS, "target p99: 5 ms")));
        }
        if (f.freshness != null || f.answers != null) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            if (f.freshness != null) {
                bars.add(new SvgChart.Bar("produced → visible p50", f.freshness.p50Ms(), "#a9cce3"));
                bars.add(new SvgChart.Bar("produced → visible p99", f.freshness.p99Ms(), "#2980b9"));
            }
            if (f.answers != null) {
                bars.add(new SvgChart.Bar("answer POST → visible p50", f.answers.p50Ms(), "#a9dfbf"));
                bars.add(new SvgChart.Bar("answer POST → visible p99", f.answers.p99Ms(), "#27ae60"));
            }
            written.add(chart(dir, "latency-freshness.svg", SvgChart.bars("Freshness: until the dashboard shows it", "ms", bars,
                    FRESHNESS_P99_MS, "target p99 at 1,000 events/s: 500 ms (answers: 1 s)")));
        }
        if (!f.rssMb.isEmpty()) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            f.rssMb.forEach((name, mb) -> bars.add(new SvgChart.Bar(name, mb, SERVICES.contains(name) ? "#2980b9" : "#95a5a6")));
            written.add(chart(dir, "memory.svg", SvgChart.bars("Resident memory at load (peak of 1 s samples)", "MiB", bars,
                    SERVICE_RSS_MIB, "services' target: 300 MB")));
        }
        if (p != null && (p.metrics() != null || p.streams() != null)) {
            List<SvgChart.Series> series = new ArrayList<>();
            if (p.streams() != null) {
                series.add(new SvgChart.Series("Kafka Streams peer", "#7f8c8d", points(p.streams().catchUp())));
            }
            if (p.metrics() != null) {
                series.add(new SvgChart.Series("metrics-service", "#2980b9", points(p.metrics())));
            }
            written.add(chart(dir, "pipeline-catch-up.svg", SvgChart.lines(
                    "Backlog applied, seconds since the consumer was started", "events", series)));
        }
        return written;
    }

    private static List<double[]> points(Pipeline.CatchUp catchUp) {
        return catchUp.samples().stream().map(s -> new double[] { s[0], s[1] }).toList();
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
        md.append("## Targets (DESIGN.md §10)\n\n| measure | value | target | met |\n|---|---:|---|:-:|\n");
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
            if (!List.of("targets", "details", "errors", "rssMb", "cpuSeconds", "mode", "startedAt").contains(key)) {
                md.append("| ").append(key).append(" | ").append(value == null ? "—" : value).append(" |\n");
            }
        });
        f.rssMb.forEach((name, mb) -> md.append("| rssMb.").append(name).append(" | ").append(round(mb)).append(" |\n"));
        md.append(cpuTable());
        md.append("\n## How each figure was taken\n\n");
        md.append(howTaken());
        if (!f.errors.isEmpty()) {
            md.append("\n## Phases that failed\n\n");
            f.errors.forEach(error -> md.append("- ").append(error).append('\n'));
        }
        return md.toString();
    }

    /** Phases down, processes across: CPU seconds (user + system) each process used in each phase. */
    private String cpuTable() {
        if (f.cpuSeconds.isEmpty()) {
            return "";
        }
        Set<String> processes = new LinkedHashSet<>();
        for (String known : List.of("benchmark", "kafka", "mongo", "auth", "session-service", "feedback-service",
                "metrics-service")) {
            if (f.cpuSeconds.values().stream().anyMatch(phase -> phase.containsKey(known))) {
                processes.add(known);
            }
        }
        f.cpuSeconds.values().forEach(phase -> processes.addAll(phase.keySet()));
        StringBuilder md = new StringBuilder("\n## CPU seconds per process per phase\n\nUser plus system time from "
                + "`/proc/<pid>/stat` (two cores: a phase of *t* seconds has 2*t* to give).\n\n| phase |");
        processes.forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n|---|");
        processes.forEach(name -> md.append("---:|"));
        md.append('\n');
        f.cpuSeconds.forEach((phase, seconds) -> {
            md.append("| ").append(phase).append(" |");
            processes.forEach(name -> {
                Double s = seconds.get(name);
                md.append(' ').append(s == null ? "" : String.format(Locale.ROOT, "%.1f", s)).append(" |");
            });
            md.append('\n');
        });
        return md.toString();
    }

    private String howTaken() {
        StringBuilder md = new StringBuilder();
        CatchUpPhase.Result p = f.pipeline;
        if (f.kafkaProducer != null) {
            md.append(String.format(Locale.ROOT, "- **Kafka ProducerPerformance** (kafka-tools 4.1.2, child JVM) on the stack's "
                    + "broker: %,d records whose payloads are our own events' JSON (mean %.0f B), fresh topic with as many "
                    + "partitions as ours, `%s`: %,.0f records/s.%n", f.kafkaProducer.records(), f.kafkaProducer.meanRecordBytes(),
                    f.kafkaProducer.producerProps(), f.kafkaProducer.producerRecordsPerSec()));
        }
        if (p != null) {
            md.append(String.format(Locale.ROOT, "- **Pipeline catch-up**: metrics-service was stopped once it had applied "
                    + "everything; a backlog of %,d events (%,d sessions, %,d answers, %,d voids, %,d withdrawals) of %d "
                    + "agencies over every one of the %d partitions of both topics was put on the topics in %.1f s, in the "
                    + "order it happened, day by day, its sessions without an invitation (%,d invitations left counting); "
                    + "feedback-service had read its sessions (storing nothing for them) %.1f s after loading began. Then, "
                    + "one after the other and each alone, three consumers read exactly that backlog:%n", p.mix().events(),
                    p.mix().logged(), p.mix().answered(), p.mix().voided(), p.mix().withdrawn(), p.agencies().size(),
                    p.partitions(), p.loadSeconds(), p.mix().invitations(), p.feedbackServiceReadSeconds()));
            if (p.consumerPerf() != null) {
                md.append(String.format(Locale.ROOT, "  - Kafka's ConsumerPerformance, one per topic at once, each from a group "
                        + "set to the backlog's first offsets: %,d records in %.2f s of fetching, %,.0f records/s "
                        + "(%,.0f/s with the group joins).%n", p.consumerPerf().records(), p.consumerPerf().seconds(),
                        p.consumerPerf().recordsPerSec(), p.consumerPerf().withJoinRecordsPerSec()));
            }
            if (p.streams() != null) {
                Pipeline.CatchUp s = p.streams().catchUp();
                md.append(String.format(Locale.ROOT, "  - The Kafka Streams peer (%s): %,.0f events/s after its first commit "
                        + "(%.1f s from its start, JVM and group join included); its store counts %s sessions and answers "
                        + "(the backlog leaves %,d counting) and %s invitations (expected %,d).%n", p.streams().settings(),
                        s.eventsPerSec(), s.secondsFromStart(), p.streams().counted(), p.expectedCounted(),
                        p.streams().invitations(), p.expectedInvitations()));
            }
            if (p.metrics() != null) {
                md.append(String.format(Locale.ROOT, "  - metrics-service, started again as the stack starts it, from its "
                        + "group's committed offsets: %,.0f events/s after its first commit (%.1f s from its start, JVM and "
                        + "group join included)%s; its rollups count %s more sessions and answers (expected %,d) and %s "
                        + "more invitations (expected %,d).%n", p.metrics().eventsPerSec(), p.metrics().secondsFromStart(),
                        p.metrics().caughtUp() ? "" : ", NOT caught up", p.metricsCounted(), p.expectedCounted(),
                        p.metricsInvitations(), p.expectedInvitations()));
            }
            md.append("  Rates from committed offsets, sampled every 100 ms: the records applied after the first commit "
                    + "that moved them ÷ the time from it to the commit that reached the end.\n");
            if (p.metrics() != null && p.streams() != null) {
                md.append(String.format(Locale.ROOT, "  CPU seconds per million events applied, first commit to caught up: "
                        + "metrics-service's step %s; the Kafka Streams peer's step %s.%n",
                        cpuPerMillion(METRICS_APPLYING, p.metrics()), cpuPerMillion(STREAMS_APPLYING, p.streams().catchUp())));
            }
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
            md.append(String.format(Locale.ROOT, "- **Freshness, produced → visible**: %,d events/s for %.0f s from an open-loop "
                    + "producer with the outbox relay's settings; one client polled the agency dashboard of a window only these "
                    + "events fall in (a poll took ~%.1f ms, %,d polls). Each event's freshness is the arrival of the first answer "
                    + "that counted it minus its scheduled send time. %,d of %,d events were seen; p50 %.0f ms, p99 %.0f ms.%n",
                    f.freshness.eventsPerSec(), f.freshness.seconds(), f.freshness.pollP50Ms(), f.freshness.polls(),
                    f.freshness.seen(), f.freshness.events(), f.freshness.p50Ms(), f.freshness.p99Ms()));
        }
        if (f.answers != null) {
            AnswerFreshness.Result a = f.answers;
            md.append(String.format(Locale.ROOT, "- **Answers end to end**: %,d participants' answers at %d/s for %.0f s "
                    + "(after %,d untimed), each `POST /api/v1/feedback` at its scheduled time with a token from a session "
                    + "logged through session-service's API on %s; one client polled that day's agency dashboard (~%.1f ms a "
                    + "poll). %,d accepted, %,d seen, 503 (invitation not known yet) %,d times, failures %s. From the "
                    + "scheduled POST to visible: p50 %.0f ms, p99 %.0f ms, max %.0f ms; from the 201: p50 %.0f ms, p99 %.0f ms; "
                    + "the POST itself p50 %.0f ms, p99 %.0f ms.%n", a.answers(), a.answersPerSec(), a.seconds(),
                    a.warmUpAnswers(), a.day(), a.pollP50Ms(), a.accepted(), a.seen(), a.notYetKnown(), a.failures(),
                    a.p50Ms(), a.p99Ms(), a.maxMs(), a.from201P50Ms(), a.from201P99Ms(), a.postP50Ms(), a.postP99Ms()));
        }
        if (f.harmWebhooks != null) {
            HarmWebhookLatency.Result h = f.harmWebhooks;
            md.append(String.format(Locale.ROOT, "- **Harm reports to a webhook**: %d harm reports at %.1f/s (after %d "
                    + "untimed), each `POST /api/v1/feedback` at its scheduled time on a session of a day of its own, to the "
                    + "Standard Webhooks request at a receiver in the benchmark (harbor's webhook, set through session-service's "
                    + "settings for the run). %d accepted, %d notices received, %d copies, %d of %d signatures verified, %d with the "
                    + "report's words; 503 %d times, failures %s. From the scheduled POST to the webhook: p50 %.0f ms, p99 "
                    + "%.0f ms, max %.0f ms; from the 201: p50 %.0f ms, p99 %.0f ms.%n", h.reports(), h.perSec(),
                    h.warmUpReports(), h.accepted(), h.received(), h.copies(), h.verified(), h.arrivals(), h.leaked(),
                    h.notYetKnown(),
                    h.failures(), h.p50Ms(), h.p99Ms(), h.maxMs(), h.from201P50Ms(), h.from201P99Ms()));
        }
        for (DashboardLatency.Result tier : new DashboardLatency.Result[] { f.dashboardSmall, f.dashboardPipeline, f.dashboardLarge }) {
            if (tier != null) {
                md.append(String.format(Locale.ROOT, "- **Dashboards with %s events** (%s; the window's rollups count %,d): "
                        + "%d clients, %,d requests (agency by week, a program by day, a specialist by week, 28 days), "
                        + "%,.0f answers/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms.%n", count(tier.storedEvents()),
                        tier.howStored(), tier.countedInWindow(), tier.clients(), tier.queries(), tier.requestsPerSec(),
                        tier.p50Ms(), tier.p99Ms(), tier.maxMs()));
            }
        }
        md.append("- **Resident memory**: VmRSS from /proc/<pid>/status, sampled every second from the HTTP phase to the end of "
                + "the large tier; the peak per process (MiB). Processes are found by their listening port. The "
                + "document store's `storeRssMbAfterRun` is read once the run is over: after the large tier, once "
                + "metrics-service and feedback-service have read everything on the topics and no relay has published for "
                + "two seconds (`details.storeAfterRun`); without the large tier it is not a figure after a full run and "
                + "is not given.\n");
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
