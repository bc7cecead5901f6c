package org.peerpulse.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack the benchmark measures: the one already answering on the usual ports, or one it starts
 * itself with {@code ./peerpulse up} (fresh, in {@code target/bench/stack}) and stops again at the end, so
 * a run leaves the machine as it found it.
 */
final class StackUnderTest implements AutoCloseable {

    /**
     * Which document store answers on {@code port}: the store process's command line says {@code --memory}
     * for the in-memory backend; anything else is the H2 file. Unknown when no process of this machine listens.
     */
    static String storeOn(int port) {
        Long pid = ProcessMemory.pidListeningOn(port);
        if (pid == null) {
            return "unknown";
        }
        try {
            String commandLine = Files.readString(Path.of("/proc", pid.toString(), "cmdline")).replace('\0', ' ');
            return commandLine.contains("--memory") ? "in memory" : "H2 file";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The processes whose resident memory the report lists, by the port each listens on. */
    private final Map<String, Integer> ports;
    private final Process launcher;
    private final PrintStream out;
    private final Path repoRoot;
    private final Path workDir;
    /** The launcher of metrics-service alone, once the pipeline phase has restarted it. */
    private Process metricsLauncher;

    private StackUnderTest(Map<String, Integer> ports, Process launcher, PrintStream out, Path repoRoot, Path workDir) {
        this.ports = ports;
        this.launcher = launcher;
        this.out = out;
        this.repoRoot = repoRoot;
        this.workDir = workDir;
    }

    static Map<String, Integer> portsFromEnvironment() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", port("PEERPULSE_KAFKA_PORT", 9092));
        ports.put("mongo", port("PEERPULSE_MONGO_PORT", 27017));
        ports.put("auth", port("PEERPULSE_AUTH_PORT", 9000));
        ports.put("session-service", port("PEERPULSE_SESSION_PORT", 8081));
        ports.put("feedback-service", port("PEERPULSE_FEEDBACK_PORT", 8082));
        ports.put("metrics-service", port("PEERPULSE_METRICS_PORT", 8083));
        return ports;
    }

    /**
     * Uses the stack that answers, or starts one. A half-running stack (some ports taken, not everything
     * ready) is refused rather than guessed around.
     */
    static StackUnderTest useOrStart(Path repoRoot, Path workDir, PrintStream out) throws IOException, InterruptedException {
        Map<String, Integer> ports = portsFromEnvironment();
        if (answering(ports)) {
            out.println("Using the local stack that is already running (it is left running).");
            return new StackUnderTest(ports, null, out, repoRoot, workDir);
        }
        List<String> taken = ports.entrySet().stream().filter(e -> ProcessMemory.pidListeningOn(e.getValue()) != null
                || inUse(e.getValue())).map(e -> e.getKey() + ":" + e.getValue()).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Ports taken but the stack does not answer: " + taken
                    + " (stop what runs there, or let it finish starting, then run the benchmark again)");
        }
        Path dataDir = workDir.resolve("stack");
        Path log = workDir.resolve("stack.log");
        Files.createDirectories(workDir);
        // The store in memory: the H2 file backend's own cost per write (keys serialised per index lookup) was
        // 20 times the pipeline's in a profile, and a run starts fresh and keeps nothing anyway.
        ProcessBuilder builder = new ProcessBuilder(repoRoot.resolve("peerpulse").toString(), "up", "--fresh",
                "--store", "memory", "--data-dir", dataDir.toString())
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The full JIT for the services, as for any measurement; a caller's own setting wins.
        builder.environment().putIfAbsent("PEERPULSE_CHILD_JVM_OPTS", "-XX:TieredStopAtLevel=4");
        out.println("Starting the local stack: ./peerpulse up --fresh --store memory --data-dir " + dataDir + " (log " + log + ")");
        Process launcher = builder.start();
        // Killed with SIGTERM instead of Ctrl-C (which reaches the launcher too), the benchmark still stops what it started.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (launcher.isAlive()) {
                launcher.destroy();
            }
        }, "stop-stack"));
        StackUnderTest stack = new StackUnderTest(ports, launcher, out, repoRoot, workDir);
        long started = System.nanoTime();
        int shown = 0;
        while (true) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            for (; shown < lines.size(); shown++) {
                String line = lines.get(shown);
                if (line.contains(" ready at ") || line.startsWith("Building") || line.startsWith("Built")
                        || line.contains("[ERROR]") || line.contains("failed") || line.contains("Ports")) {
                    out.println("  stack: " + line.strip());
                }
            }
            if (lines.stream().anyMatch(line -> line.startsWith("Press Ctrl-C to stop."))) {
                out.printf("Stack ready after %.0f s.%n", (System.nanoTime() - started) / 1e9);
                return stack;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("./peerpulse up exited with " + launcher.exitValue() + "; see " + log);
            }
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(15)) {
                stack.close();
                throw new IllegalStateException("the stack was not ready within 15 minutes; see " + log);
            }
            Thread.sleep(500);
        }
    }

    Map<String, Integer> ports() {
        return ports;
    }

    /**
     * Stops metrics-service (SIGTERM: its listener containers finish their batch and commit) so that a backlog can
     * build up while it is away, as during an outage. Only a stack this run started: a stack it found is someone
     * else's to stop.
     */
    void stopMetricsService(Progress progress) throws InterruptedException {
        if (launcher == null) {
            throw new IllegalStateException("the pipeline phase stops and restarts metrics-service, which the benchmark "
                    + "does only on a stack it started itself: stop the running stack and run the benchmark again");
        }
        Long pid = ProcessMemory.pidListeningOn(ports.get("metrics-service"));
        ProcessHandle service = pid == null ? null : ProcessHandle.of(pid).orElse(null);
        if (service == null) {
            throw new IllegalStateException("no metrics-service listens on port " + ports.get("metrics-service"));
        }
        progress.say("Stopping metrics-service (pid %d) so that a backlog builds up", pid);
        service.destroy();
        try {
            service.onExit().get(60, TimeUnit.SECONDS);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            service.destroyForcibly();
        }
    }

    /**
     * Starts metrics-service again, alone, the way {@code ./peerpulse up} started it (its launcher with
     * {@code --only metrics-service}: the same jar, flags and environment), and returns at once: its catch-up is
     * timed from here. The launcher class is run directly rather than through {@code ./peerpulse}, whose build
     * check would rebuild the stack in the middle of the run if someone edited a source meanwhile; the jar restarted
     * is the one the stack was started from.
     */
    Process startMetricsService(Progress progress) throws IOException {
        Path dataDir = workDir.resolve("stack-metrics-restart");
        Path log = workDir.resolve("stack-metrics-restart.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                repoRoot.resolve("local-stack/target/classes") + ":" + repoRoot.resolve("local-stack/target/lib") + "/*",
                "org.peerpulse.localstack.LocalStack", "up", "--only", "metrics-service", "--data-dir", dataDir.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putIfAbsent("PEERPULSE_CHILD_JVM_OPTS", "-XX:TieredStopAtLevel=4");
        progress.say("Starting metrics-service again (log %s)", dataDir.resolve("logs/metrics-service.log"));
        metricsLauncher = builder.start();
        Process started = metricsLauncher;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started.isAlive()) {
                started.destroy();
            }
        }, "stop-metrics-service"));
        return metricsLauncher;
    }

    /** Waits until the restarted metrics-service is ready, as its launcher says. */
    void awaitMetricsServiceReady(int seconds) throws IOException, InterruptedException {
        Path log = workDir.resolve("stack-metrics-restart.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).stream().anyMatch(line -> line.startsWith("Press Ctrl-C to stop."))) {
                return;
            }
            if (metricsLauncher == null || !metricsLauncher.isAlive()) {
                throw new IllegalStateException("metrics-service did not start again; see " + log);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("metrics-service was not ready again within " + seconds + " s; see " + log);
    }

    /** Whether the restarted metrics-service's launcher still runs (it stops when metrics-service fails to start). */
    boolean metricsServiceLauncherAlive() {
        return metricsLauncher != null && metricsLauncher.isAlive();
    }

    boolean startedHere() {
        return launcher != null;
    }

    /** Stops the stack if this run started it: SIGTERM to the launcher, whose shutdown hook stops its children in order. */
    @Override
    public void close() throws InterruptedException {
        if (metricsLauncher != null) {
            List<ProcessHandle> children = metricsLauncher.descendants().toList();
            metricsLauncher.destroy();
            if (!metricsLauncher.waitFor(60, TimeUnit.SECONDS)) {
                metricsLauncher.destroyForcibly();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> children = launcher.descendants().toList();
        out.println("Stopping the local stack this run started.");
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static boolean answering(Map<String, Integer> ports) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (String name : List.of("auth", "session-service", "feedback-service", "metrics-service")) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.get(name) + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    return false;
                }
            }
            catch (IOException e) {
                return false;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean inUse(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
