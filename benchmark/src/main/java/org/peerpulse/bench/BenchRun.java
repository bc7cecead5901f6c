package org.peerpulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.peerpulse.contracts.Topics;

/**
 * {@code ./peerpulse bench [--quick] [--large-events N] [--pipeline-events N]}: every measurement of
 * DESIGN.md §10 in one run on this machine, each beside its limit measured in the same run, then
 * {@code target/bench/report.md} (with charts) and {@code report.json}. A phase that fails is reported and
 * the others still run; the run itself only fails when it cannot write a report.
 *
 * <p>Order matters: the small dashboard tier is timed first, while the store holds about 10 thousand events;
 * every later phase adds events; the large tier tops the store up at the end.
 */
public final class BenchRun {

    private static final int DAYS = 28;

    private final Path repoRoot;
    private final Path workDir;
    private final Settings settings;
    private final Progress progress = new Progress(System.out);
    private final Findings findings = new Findings();

    private BenchRun(Path repoRoot, Settings settings) {
        this.repoRoot = repoRoot;
        this.workDir = repoRoot.resolve("target").resolve("bench");
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fullRun();
        Path repoRoot = Path.of("").toAbsolutePath();
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.remove("--quick")) {
            settings = Settings.quickRun();
        }
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--large-events" -> settings = settings.withLargeEvents(Long.parseLong(rest.get(++i)));
                case "--pipeline-events" -> settings = settings.withPipelineEvents(Long.parseLong(rest.get(++i)));
                case "--repo" -> repoRoot = Path.of(rest.get(++i)).toAbsolutePath();
                default -> {
                    System.err.println("usage: ./peerpulse bench [--quick] [--large-events N] [--pipeline-events N]");
                    System.exit(2);
                }
            }
        }
        new BenchRun(repoRoot, settings).run();
        // Client threads of the JDK's HttpClient and Kafka's may linger; the report is written.
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(workDir);
        findings.settings = settings;
        findings.startedAt = Instant.now().toString();
        findings.loadAverageBefore = loadAverage();
        progress.say("PeerPulse benchmark, %s run; writing %s", settings.quick() ? "quick" : "full", workDir);
        Map<String, Integer> ports = StackUnderTest.portsFromEnvironment();
        String bootstrap = "127.0.0.1:" + ports.get("kafka");
        String mongoUri = "mongodb://127.0.0.1:" + ports.get("mongo");
        URI auth = URI.create("http://127.0.0.1:" + ports.get("auth"));
        URI metrics = URI.create("http://127.0.0.1:" + ports.get("metrics-service"));
        try (StackUnderTest stack = StackUnderTest.useOrStart(repoRoot, workDir, System.out);
                ProcessMemory memory = new ProcessMemory(new java.util.LinkedHashMap<>(stack.ports()));
                Pipeline pipeline = new Pipeline(bootstrap);
                StoredEvents stored = new StoredEvents(mongoUri)) {
            findings.stackStartedHere = stack.startedHere();
            findings.store = StackUnderTest.storeOn(ports.get("mongo"));
            progress.say("Document store: %s", findings.store);
            StackApi lead = new StackApi(auth, metrics);
            lead.logIn("harbor-lead", "harbor-lead-secret");
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            SyntheticMonth dashboardMonth = new SyntheticMonth("harbor", 3, 4, yesterday, DAYS);
            DashboardLatency dashboards = new DashboardLatency(lead, dashboardMonth);
            int partitions = pipeline.partitions();

            phase("Kafka's own perf tools", () -> {
                List<String> payloads = new ArrayList<>();
                SyntheticMonth sample = new SyntheticMonth("harbor", 3, 4, yesterday, DAYS);
                try (KafkaLoad codec = new KafkaLoad(bootstrap)) {
                    for (int i = 0; i < 500; i++) {
                        SyntheticMonth.Pair pair = sample.session(i);
                        payloads.add(codec.json(pair.logged()));
                        payloads.add(codec.json(pair.answered()));
                    }
                }
                findings.kafka = new KafkaPerf(bootstrap, classpath(), workDir).run(settings.perfRecords(), partitions,
                        payloads, progress);
            });

            phase("Dashboards, small store", () -> {
                long before = stored.count();
                long toAdd = Math.max(0, settings.smallEvents() - before);
                progress.say("Dashboards with ~%s stored events: the store holds %,d; adding %,d through the pipeline",
                        Report.count(settings.smallEvents()), before, toAdd);
                loadAndAwait(pipeline, List.of(dashboardMonth), toAdd);
                findings.dashboardSmall = dashboards.time(stored.count(), "all through the real pipeline",
                        settings.queriesPerProbe(), dashboardWarmUp());
                progress.say("  p50 %.2f ms, p99 %.2f ms", findings.dashboardSmall.p50Ms(), findings.dashboardSmall.p99Ms());
            });

            memory.start();
            phase("HTTP ingest beside a bare endpoint", () -> {
                StackApi peer = new StackApi(auth, metrics);
                peer.logIn("harbor-peer", "harbor-peer-secret");
                IngestLoad load = new IngestLoad();
                try (BareEndpoint bare = BareEndpoint.start(repoRoot, classpath(), ports, workDir, progress)) {
                    findings.bare = load.run("bare endpoint", bare.sessions(), peer.bearer(), settings.ingestClients(),
                            settings.ingestWarmUpSeconds(), settings.ingestSeconds(), progress);
                    findings.rssMb.put("bare-endpoint", ProcessMemory.residentMb(bare.pid()));
                }
                findings.ingest = load.run("session-service", URI.create("http://127.0.0.1:" + ports.get("session-service")
                        + "/api/v1/sessions"), peer.bearer(), settings.ingestClients(), settings.ingestWarmUpSeconds(),
                        settings.ingestSeconds(), progress);
            });

            phase("Pipeline catch-up", () -> {
                progress.say("Pipeline: waiting until metrics-service has applied everything so far");
                if (!pipeline.awaitNoLag(120)) {
                    progress.say("  still lagging after 2 minutes; measuring anyway");
                }
                List<SyntheticMonth> months = Pipeline.agenciesCovering(partitions).stream()
                        .map(agency -> new SyntheticMonth(agency, 3, 4, yesterday, DAYS)).toList();
                progress.say("Pipeline: %d s of sustained load (at most %,d events) for %s (every partition of %s and %s)",
                        settings.pipelineSeconds(), settings.pipelineEvents(),
                        months.stream().map(SyntheticMonth::agencyId).toList(), Topics.SESSIONS, Topics.FEEDBACK);
                findings.pipeline = pipeline.run(months, settings.pipelineEvents(), settings.pipelineSeconds(),
                        settings.quick() ? 10 : 30, new IndicatorMeters(auth, metrics), progress);
            });

            phase("Freshness", () -> {
                if (!pipeline.awaitNoLag(120)) {
                    progress.say("  metrics-service still lags from the phase before; freshness includes that backlog");
                }
                // A window of its own, far from the other phases' days, so the dashboard counts only these events.
                SyntheticMonth fresh = new SyntheticMonth("harbor", 1, 2, yesterday.minusDays(200 + (System.currentTimeMillis()
                        / 1000 / 60) % 100), 3);
                findings.freshness = new Freshness().run(bootstrap, lead, fresh, settings.freshnessEventsPerSec(),
                        settings.freshnessSeconds(), progress);
            });
            memory.stop();
            memory.peaksMb().forEach(findings.rssMb::putIfAbsent);
            findings.rssMb.forEach((name, mb) -> progress.say("  resident %s: %.0f MiB", name, mb));

            phase("Dashboards, store filled by the pipeline", () -> {
                if (!pipeline.awaitNoLag(300)) {
                    progress.say("  metrics-service still lags after 5 minutes; timing the dashboards anyway");
                }
                long now = stored.count();
                progress.say("Dashboards with every event so far stored through the real pipeline: %,d", now);
                findings.dashboardPipeline = dashboards.time(now, "all through the real pipeline", settings.queriesPerProbe(), dashboardWarmUp());
                progress.say("  p50 %.2f ms, p99 %.2f ms", findings.dashboardPipeline.p50Ms(), findings.dashboardPipeline.p99Ms());
            });

            phase("Dashboards, large store", () -> {
                long counted = stored.count();
                long inWindow = stored.countedInWindow("harbor", dashboardMonth.firstDay(), dashboardMonth.lastDay());
                long factor = Math.max(1, Math.round((double) settings.largeEvents() / Math.max(1, inWindow)));
                progress.say("Dashboards with ~%s events: the window's rollups count %,d; scaling their counters ×%,d "
                        + "(the documented faster path, docs/benchmark.md)", Report.count(settings.largeEvents()), inWindow, factor);
                int rollups = stored.scaleWindow("harbor", dashboardMonth.firstDay(), dashboardMonth.lastDay(), factor);
                long scaled = stored.countedInWindow("harbor", dashboardMonth.firstDay(), dashboardMonth.lastDay());
                String how = String.format(java.util.Locale.ROOT, "%d rollups of the window scaled ×%,d to count %,d events; "
                        + "the rollups count %,d events before, all through the real pipeline", rollups, factor, scaled, counted);
                findings.dashboardLarge = dashboards.time(scaled, how, settings.queriesPerProbe(), dashboardWarmUp());
                progress.say("  p50 %.2f ms, p99 %.2f ms", findings.dashboardLarge.p50Ms(), findings.dashboardLarge.p99Ms());
            });
        }
        catch (Exception e) {
            findings.errors.add("the run stopped early: " + e);
            progress.say("The run stopped early: %s", e);
        }
        findings.seconds = progress.seconds();
        findings.loadAverageAfter = loadAverage();
        Report report = new Report(findings);
        report.write(workDir);
        summary(report);
    }

    /** Puts events on the topics and waits until metrics-service shows them on the dashboard's window. */
    private void loadAndAwait(Pipeline pipeline, List<SyntheticMonth> months, long events) throws Exception {
        if (events <= 0) {
            return;
        }
        try (KafkaLoad load = new KafkaLoad("127.0.0.1:" + StackUnderTest.portsFromEnvironment().get("kafka"))) {
            for (long i = 0; i < events / 2; i++) {
                load.send(months.get((int) (i % months.size())).session(i / months.size()));
            }
            load.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!pipeline.awaitNoLag(5)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("metrics-service did not apply " + events + " events within 10 minutes");
            }
            progress.say("  waiting for metrics-service: %,d applied, %,d on the topics", pipeline.applied(), pipeline.endOffsets());
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void phase(String name, Step step) {
        long started = System.nanoTime();
        progress.say("== %s", name);
        try {
            step.run();
            progress.say("== %s done in %.0f s", name, (System.nanoTime() - started) / 1e9);
        }
        catch (Exception | Error e) {
            findings.errors.add(name + ": " + e);
            progress.say("== %s FAILED: %s (the other phases still run)", name, e);
        }
    }

    private void summary(Report report) {
        System.out.println();
        System.out.println("Summary (" + (settings.quick() ? "quick run: small sizes, do not judge targets on it" : "full run") + ")");
        report.json().forEach((key, value) -> {
            if (!List.of("targets", "details", "errors").contains(key)) {
                System.out.printf("  %-28s %s%n", key, value);
            }
        });
        System.out.println("Targets:");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> targets = (Map<String, Map<String, Object>>) report.json().get("targets");
        targets.forEach((name, t) -> System.out.printf("  %-34s %-10s %-8s %s%n", name, t.get("value"), t.get("target"),
                t.get("met") == null ? "not measured" : (Boolean) t.get("met") ? "met" : "MISSED"));
        findings.errors.forEach(error -> System.out.println("  failed: " + error));
        System.out.println("Report: " + workDir.resolve("report.md") + " and report.json");
    }

    private int dashboardWarmUp() {
        return settings.quick() ? 5 : 20;
    }

    private String classpath() {
        Path module = repoRoot.resolve("benchmark").resolve("target");
        return module.resolve("classes") + ":" + module.resolve("lib") + "/*";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[0];
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    static boolean ready(URI health) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
