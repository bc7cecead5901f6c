package org.peerpulse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.peerpulse.bench.streams.RollupCountingApp;

/**
 * The Kafka Streams peer ({@link RollupCountingApp}) as a child JVM with metrics-service's flags (StackPlan's heap
 * for it, serial GC, native-heap trimming, then {@code PEERPULSE_CHILD_JVM_OPTS}, the full JIT when unset), timed
 * like metrics-service on the same backlog: its application id is a fresh group whose offsets are set to the
 * backlog's first records, and its committed offsets say how far it got.
 */
final class StreamsPeer {

    /** StackPlan's metrics-service command line up to {@code PEERPULSE_CHILD_JVM_OPTS}; keep the two in step. */
    static final List<String> METRICS_JVM_FLAGS = List.of("-Xms96m", "-Xmx160m", "-Xmn64m", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-XX:TrimNativeHeapInterval=5000");

    /** Stream threads: two, as metrics-service reads with two consumers (one per topic) on the two cores. */
    static final int THREADS = 2;

    private static final Pattern COUNTED = Pattern.compile(
            "COUNTED sessions=(-?\\d+) responses=(-?\\d+) invitations=(-?\\d+) rollups=(\\d+) unreadable=(\\d+)");

    /**
     * @param catchUp how it caught up
     * @param counted sessions plus answers its store adds up to at the end, null if it could not say
     * @param invitations invitations its store adds up to at the end, null if it could not say
     * @param rollups rollups in its store
     * @param unreadable records it could not decode
     * @param residentMb its resident memory when it had caught up
     */
    record Result(Pipeline.CatchUp catchUp, Long counted, Long invitations, Long rollups, Long unreadable, Double residentMb,
            String settings) {
    }

    private final String bootstrap;
    private final String classpath;
    private final Path workDir;
    private final ProcessCpu cpu;

    StreamsPeer(String bootstrap, String classpath, Path workDir, ProcessCpu cpu) {
        this.bootstrap = bootstrap;
        this.classpath = classpath;
        this.workDir = workDir;
        this.cpu = cpu;
    }

    Result run(Pipeline pipeline, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, int timeoutSeconds,
            Progress progress) throws Exception {
        String applicationId = "bench-streams-" + Long.toString(System.currentTimeMillis(), 36);
        Path stateDir = workDir.resolve("streams-state");
        deleteTree(stateDir);
        pipeline.startGroupAt(applicationId, from);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(METRICS_JVM_FLAGS);
        String extra = System.getenv().getOrDefault("PEERPULSE_CHILD_JVM_OPTS", "-XX:TieredStopAtLevel=4");
        if (!extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-Dlogback.configurationFile=bench-logback.xml", "-cp", classpath,
                RollupCountingApp.class.getName(), "--bootstrap", bootstrap, "--application-id", applicationId,
                "--state-dir", stateDir.toString(), "--threads", Integer.toString(THREADS)));
        Path log = workDir.resolve("streams-peer.log");
        progress.say("Kafka Streams peer: %s, exactly_once_v2, %d stream threads, RocksDB store (log %s)", applicationId,
                THREADS, log);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        cpu.track("kafka-streams-peer", process.pid());
        List<String> countedLine = new ArrayList<>();
        Thread reader = new Thread(() -> copyOutput(process, log, countedLine), "streams-peer-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ProcessCpu.Phase[] applying = new ProcessCpu.Phase[1];
            Pipeline.CatchUp catchUp = pipeline.awaitCatchUp("Kafka Streams peer", applicationId, from, to, started,
                    process::isAlive, timeoutSeconds,
                    () -> applying[0] = cpu.start("pipeline: Kafka Streams peer, first commit to caught up"), progress);
            if (applying[0] != null) {
                applying[0].stop();
            }
            Double resident = ProcessMemory.residentMb(process.pid());
            // SIGTERM through the handle: Process.destroy() would also close our end of its output, and the line it
            // prints on the way out would be lost.
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(5_000);
            Long counted = null;
            Long invitations = null;
            Long rollups = null;
            Long unreadable = null;
            synchronized (countedLine) {
                Matcher m = countedLine.isEmpty() ? null : COUNTED.matcher(countedLine.get(0));
                if (m != null && m.find()) {
                    counted = Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
                    invitations = Long.parseLong(m.group(3));
                    rollups = Long.parseLong(m.group(4));
                    unreadable = Long.parseLong(m.group(5));
                }
                else {
                    progress.say("  the peer did not say what it counted: %s", countedLine);
                }
            }
            return new Result(catchUp, counted, invitations, rollups, unreadable, resident, String.format(java.util.Locale.ROOT,
                    "processing.guarantee=exactly_once_v2, num.stream.threads=%d, RocksDB store with caching, "
                            + "other settings Kafka Streams' defaults; JVM %s %s", THREADS, String.join(" ", METRICS_JVM_FLAGS),
                    extra));
        }
        finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            pipeline.forget(applicationId, applicationId + "-");
            deleteTree(stateDir);
        }
    }

    private static void copyOutput(Process process, Path log, List<String> countedLine) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                out.println(line);
                if (line.startsWith("COUNTED")) {
                    synchronized (countedLine) {
                        countedLine.add(line);
                    }
                }
            }
        }
        catch (IOException e) {
            // The process ended; what it printed so far is in the log.
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
