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
import java.util.stream.Stream;
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
 * every later phase adds events; the large tier tops the pipeline up to ten million events at the end.
 */
public final class BenchRun {

    private static final int DAYS = 28;

    private final Path repoRoot;
    private final Path workDir;
    private final Settings settings;
    private final Progress progress = new Progress(System.out);
    private final Findings findings = new Findings();
    private ProcessCpu cpu;

    private BenchRun(Path repoRoot, Settings settings) {
        this.repoRoot = repoRoot;
        this.workDir = repoRoot.resolve("target").resolve("bench");
        this.settings = settings;
    }

    /** With {@code --only}: run only the phases whose name contains these words; the others are skipped. */
    private static String only;

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
                case "--pipeline-events" -> settings = settings.withBacklogEvents(Long.parseLong(rest.get(++i)));
                case "--repo" -> repoRoot = Path.of(rest.get(++i)).toAbsolutePath();
                case "--only" -> only = rest.get(++i).toLowerCase(java.util.Locale.ROOT);
                default -> {
                    System.err.println("usage: ./peerpulse bench [--quick] [--large-events N] [--pipeline-events N]"
                            + " [--only <words of a phase's name>]");
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
                ProcessCpu processCpu = new ProcessCpu(stack.ports());
                Pipeline pipeline = new Pipeline(bootstrap);
                StoredEvents stored = new StoredEvents(mongoUri)) {
            cpu = processCpu;
            findings.stackStartedHere = stack.startedHere();
            findings.store = StackUnderTest.storeOn(ports.get("mongo"));
            progress.say("Document store: %s", findings.store);
            StackApi lead = new StackApi(auth, metrics);
            lead.logIn("harbor-lead", "harbor-lead-secret");
            // Sessions are accepted only for a specialist and programs of the agency's directory.
            lead.prepareDirectory(URI.create("http://127.0.0.1:" + ports.get("session-service")), IngestLoad.SPECIALIST,
                    Stream.concat(IngestLoad.PROGRAMS.stream(), Stream.of("bench-e2e-program")).toList());
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            SyntheticMonth dashboardMonth = new SyntheticMonth("harbor", 3, 4, yesterday, DAYS);
            DashboardLatency dashboards = new DashboardLatency(lead, dashboardMonth);
            int partitions = pipeline.partitions();
            // The backlog's agencies, harbor first with the dashboards' cells and window, so that the large tier's
            // events land in the rollups the dashboards read as well as in every partition.
            List<SyntheticMonth> agencies = Pipeline.agenciesCovering(partitions, settings.backlogAgencies()).stream()
                    .map(agency -> new SyntheticMonth(agency, 3, 4, yesterday, DAYS)).toList();

            phase("Kafka ProducerPerformance", () -> {
                List<String> payloads = new ArrayList<>();
                SyntheticMonth sample = new SyntheticMonth("harbor", 3, 4, yesterday, DAYS);
                try (KafkaLoad codec = new KafkaLoad(bootstrap)) {
                    for (int i = 0; i < 500; i++) {
                        SyntheticMonth.Pair pair = sample.session(i);
                        payloads.add(codec.json(pair.logged()));
                        payloads.add(codec.json(pair.answered()));
                    }
                }
                findings.kafkaProducer = new KafkaPerf(bootstrap, classpath(), workDir, cpu).produce(settings.perfRecords(),
                        partitions, payloads, progress);
            });

            phase("Dashboards, small store", () -> {
                long before = pipeline.applied();
                long toAdd = Math.max(0, settings.smallEvents() - before);
                progress.say("Dashboards with ~%s events through the pipeline: %,d so far; adding %,d",
                        Report.count(settings.smallEvents()), before, toAdd);
                loadAndAwait(pipeline, List.of(dashboardMonth), toAdd);
                findings.dashboardSmall = timeDashboards(dashboards, pipeline, stored, dashboardMonth,
                        "all through the real pipeline");
            });

            memory.start();
            phase("HTTP ingest beside a bare endpoint", () -> {
                StackApi peer = new StackApi(auth, metrics);
                peer.logIn("harbor-peer", "harbor-peer-secret");
                IngestLoad load = new IngestLoad();
                try (BareEndpoint bare = BareEndpoint.start(repoRoot, classpath(), ports, workDir, progress)) {
                    cpu.track("bare-endpoint", bare.pid());
                    findings.bare = load.run("bare endpoint", bare.sessions(), peer.bearer(), settings.ingestClients(),
                            settings.ingestWarmUpSeconds(), settings.ingestSeconds(), progress);
                    findings.rssMb.put("bare-endpoint", ProcessMemory.residentMb(bare.pid()));
                }
                findings.ingest = load.run("session-service", URI.create("http://127.0.0.1:" + ports.get("session-service")
                        + "/api/v1/sessions"), peer.bearer(), settings.ingestClients(), settings.ingestWarmUpSeconds(),
                        settings.ingestSeconds(), progress);
            });

            phase("Pipeline catch-up", () -> {
                progress.say("Pipeline: metrics-service, Kafka's ConsumerPerformance and a Kafka Streams peer each catch up "
                        + "on one backlog of %,d events (%s)", settings.backlogEvents(),
                        agencies.stream().map(SyntheticMonth::agencyId).toList());
                findings.pipeline = new CatchUpPhase(stack, pipeline, stored, new KafkaPerf(bootstrap, classpath(), workDir, cpu),
                        new StreamsPeer(bootstrap, classpath(), workDir, cpu), cpu, progress, findings.errors)
                        .run(bootstrap, agencies, settings.backlogEvents(), partitions);
            });

            phase("Freshness, produced to visible", () -> {
                if (!pipeline.awaitNoLag(120)) {
                    progress.say("  metrics-service still lags from the phase before; freshness includes that backlog");
                }
                // A window of its own, far from the other phases' days, so the dashboard counts only these events.
                SyntheticMonth fresh = new SyntheticMonth("harbor", 1, 2, yesterday.minusDays(200 + (System.currentTimeMillis()
                        / 1000 / 60) % 100), 3);
                findings.freshness = new Freshness().run(bootstrap, lead, fresh, settings.freshnessEventsPerSec(),
                        settings.freshnessSeconds(), progress);
            });

            phase("Answers end to end", () -> {
                if (!pipeline.awaitNoLag(120)) {
                    progress.say("  metrics-service still lags from the phase before; the answers wait behind that backlog");
                }
                StackApi specialist = new StackApi(auth, metrics);
                specialist.logIn("harbor-peer", "harbor-peer-secret");
                // Within session-service's 90 days, outside the dashboards' 28 and today's ingest: a day of its own.
                LocalDate day = yesterday.minusDays(40 + (System.currentTimeMillis() / 1000 / 60) % 40);
                findings.answers = new AnswerFreshness(specialist, lead, new StackApi(auth, metrics),
                        URI.create("http://127.0.0.1:" + ports.get("session-service") + "/api/v1/sessions"),
                        URI.create("http://127.0.0.1:" + ports.get("feedback-service") + "/api/v1/feedback"))
                        .run(day, settings.answersPerSec(), settings.answerSeconds(), settings.quick() ? 2 : 5, progress);
            });

            phase("Harm reports to a webhook", () -> {
                StackApi specialist = new StackApi(auth, metrics);
                specialist.logIn("harbor-peer", "harbor-peer-secret");
                // One day per report, the newest two days back: within session-service's 90 days.
                findings.harmWebhooks = new HarmWebhookLatency(specialist, lead,
                        URI.create("http://127.0.0.1:" + ports.get("session-service")),
                        URI.create("http://127.0.0.1:" + ports.get("feedback-service") + "/api/v1/feedback"), metrics)
                        .run(yesterday.minusDays(1), settings.quick() ? 20 : 60, 2.0, 3, progress);
            });

            phase("Dashboards, store filled by the pipeline", () -> {
                if (!pipeline.awaitNoLag(300)) {
                    progress.say("  metrics-service still lags after 5 minutes; timing the dashboards anyway");
                }
                findings.dashboardPipeline = timeDashboards(dashboards, pipeline, stored, dashboardMonth,
                        "all through the real pipeline, as the earlier phases left it");
            });

            phase("Dashboards, large store", () -> {
                pipeline.awaitNoLag(300);
                long before = pipeline.applied();
                long toAdd = Math.max(0, settings.largeEvents() - before);
                progress.say("Dashboards with ~%s events through the pipeline: %,d so far; adding %,d as real use leaves "
                        + "them, the sessions without an invitation (%d agencies, harbor with the dashboards' cells and "
                        + "window)", Report.count(settings.largeEvents()), before, toAdd, agencies.size());
                long started = System.nanoTime();
                Backlog.Mix mix;
                try (KafkaLoad load = new KafkaLoad(bootstrap)) {
                    mix = new Backlog(agencies).load(load, toAdd, sent -> {
                        try {
                            progress.say("  %,d events on the topics, metrics-service has applied %,d", sent,
                                    pipeline.applied() - before);
                        }
                        catch (Exception e) {
                            progress.say("  %,d events on the topics", sent);
                        }
                    });
                }
                double loaded = (System.nanoTime() - started) / 1e9;
                long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(2);
                while (!pipeline.awaitNoLag(10)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("metrics-service did not apply the large tier within 2 hours");
                    }
                    progress.say("  waiting for metrics-service: %,d of %,d applied", pipeline.applied() - before, mix.events());
                }
                double applied = (System.nanoTime() - started) / 1e9;
                Map<String, Object> large = new java.util.LinkedHashMap<>();
                large.put("eventsAdded", mix.events());
                large.put("mix", mix);
                large.put("loadSeconds", Math.round(loaded * 10) / 10.0);
                large.put("appliedSeconds", Math.round(applied * 10) / 10.0);
                large.put("eventsPerSecWhileLoading", Math.round(mix.events() / applied));
                findings.largeTier = large;
                progress.say("  %,d events added in %.0f s, applied after %.0f s (%,.0f/s with loading)", mix.events(), loaded,
                        applied, mix.events() / applied);
                findings.dashboardLarge = timeDashboards(dashboards, pipeline, stored, dashboardMonth,
                        "all through the real pipeline");
            });
            memory.stop();
            memory.peaksMb().forEach(findings.rssMb::putIfAbsent);
            findings.rssMb.forEach((name, mb) -> progress.say("  resident %s: %.0f MiB", name, mb));

            phase("Document store after the run", () -> storeAfterRun(pipeline, stored, ports.get("mongo")));
        }
        catch (Exception e) {
            findings.errors.add("the run stopped early: " + e);
            progress.say("The run stopped early: %s", e);
        }
        if (cpu != null) {
            findings.cpuSeconds = cpu.byPhase();
        }
        findings.seconds = progress.seconds();
        findings.loadAverageAfter = loadAverage();
        Report report = new Report(findings);
        report.write(workDir);
        summary(report);
    }

    /**
     * The store's size after the run, as DESIGN.md's target says: once metrics-service has applied everything, no relay
     * has published for two seconds and feedback-service has read every session (it stores an invitation for each that
     * carries one), so nothing the run put on the topics is still on its way into the store. Judged only after a full
     * run: without the large tier, the figure is in {@code details.storeAfterRun} but not {@code storeRssMbAfterRun}.
     */
    private void storeAfterRun(Pipeline pipeline, StoredEvents stored, int storePort) throws Exception {
        long started = System.nanoTime();
        boolean metricsDone = pipeline.awaitQuiet(600);
        boolean feedbackDone = pipeline.awaitReadToEnd(CatchUpPhase.FEEDBACK_GROUP, Topics.SESSIONS, 600);
        double waited = (System.nanoTime() - started) / 1e9;
        Long pid = ProcessMemory.pidListeningOn(storePort);
        Double rss = pid == null ? null : ProcessMemory.residentMb(pid);
        long rollups = stored.rollups();
        long invitations = stored.invitationDocuments();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("rssMb", rss == null ? null : Math.round(rss * 10) / 10.0);
        after.put("afterLargeTier", findings.largeTier != null);
        after.put("metricsServiceCaughtUpAndRelaysQuiet", metricsDone);
        after.put("feedbackServiceReadEverySession", feedbackDone);
        after.put("waitedSeconds", Math.round(waited * 10) / 10.0);
        after.put("rollups", rollups);
        after.put("invitationDocuments", invitations);
        findings.storeAfterRun = after;
        findings.storeRssMbAfterRun = findings.largeTier == null ? null : rss;
        progress.say("  after %.0f s (metrics-service caught up, relays quiet: %s; feedback-service read every session: %s) "
                + "the document store holds %,d rollups and %,d invitations and is %s MiB resident%s", waited, metricsDone,
                feedbackDone, rollups, invitations, rss == null ? "?" : String.format(java.util.Locale.ROOT, "%.0f", rss),
                findings.largeTier == null ? "; the large tier did not complete, so this is not the figure after a full run"
                        : "");
    }

    /** The three dashboards with the run's concurrent clients, on the store as it is now. */
    private DashboardLatency.Result timeDashboards(DashboardLatency dashboards, Pipeline pipeline, StoredEvents stored,
            SyntheticMonth month, String how) throws Exception {
        long events = pipeline.applied();
        long inWindow = stored.countedInWindow(month.agencyId(), month.firstDay(), month.lastDay());
        progress.say("Dashboards: %,d events through the pipeline, %,d rollups; the window's count %,d sessions and answers; "
                + "%d clients", events, stored.rollups(), inWindow, settings.dashboardClients());
        DashboardLatency.Result result = dashboards.time(events, inWindow, how, settings.dashboardClients(),
                settings.dashboardRounds(), dashboardWarmUp());
        progress.say("  p50 %.2f ms, p99 %.2f ms, max %.1f ms, %,.0f answers/s", result.p50Ms(), result.p99Ms(), result.maxMs(),
                result.requestsPerSec());
        return result;
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
        if (only != null && !name.toLowerCase(java.util.Locale.ROOT).contains(only)) {
            progress.say("== %s skipped (--only %s)", name, only);
            return;
        }
        long started = System.nanoTime();
        progress.say("== %s", name);
        ProcessCpu.Phase used = cpu.start(name);
        try {
            step.run();
            progress.say("== %s done in %.0f s", name, (System.nanoTime() - started) / 1e9);
        }
        catch (Exception | Error e) {
            findings.errors.add(name + ": " + e);
            progress.say("== %s FAILED: %s (the other phases still run)", name, e);
        }
        finally {
            Map<String, Double> seconds = used.stop();
            progress.say("   CPU seconds: %s", seconds);
        }
    }

    private void summary(Report report) {
        System.out.println();
        System.out.println("Summary (" + (settings.quick() ? "quick run: small sizes, do not judge targets on it" : "full run") + ")");
        report.json().forEach((key, value) -> {
            if (!List.of("targets", "details", "errors", "cpuSeconds").contains(key)) {
                System.out.printf("  %-28s %s%n", key, value);
            }
        });
        System.out.println("CPU seconds per phase: " + workDir.resolve("report.md"));
        System.out.println("Targets:");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> targets = (Map<String, Map<String, Object>>) report.json().get("targets");
        targets.forEach((name, t) -> System.out.printf("  %-30s %-10s %-26s %s%n", name, t.get("value"), t.get("target"),
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
