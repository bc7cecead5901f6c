package org.peerpulse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.peerpulse.bench.bare.BareIngestApplication;

/**
 * The bare endpoint as a child JVM with the services' flags (StackPlan's for session-service, the service it is
 * compared with: its heap, serial GC, native-heap trimming, the caller's {@code PEERPULSE_CHILD_JVM_OPTS} last,
 * full JIT when unset as the benchmark sets it for the stack it starts), pointed at the stack's issuer, broker
 * and store.
 */
final class BareEndpoint implements AutoCloseable {

    /** StackPlan's session-service command line up to {@code PEERPULSE_CHILD_JVM_OPTS}; keep the two in step. */
    static final List<String> SERVICE_JVM_FLAGS = List.of("-Xms64m", "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-XX:TrimNativeHeapInterval=5000");

    private final Process process;
    private final int port;

    private BareEndpoint(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static BareEndpoint start(Path repoRoot, String classpath, Map<String, Integer> ports, Path workDir, Progress progress)
            throws IOException, InterruptedException {
        int port = StackUnderTest.port("PEERPULSE_BENCH_BARE_PORT", 8089);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVICE_JVM_FLAGS);
        String extra = System.getenv().getOrDefault("PEERPULSE_CHILD_JVM_OPTS", "-XX:TieredStopAtLevel=4");
        if (!extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, BareIngestApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("bare-endpoint.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("PEERPULSE_ISSUER_URI", "http://127.0.0.1:" + ports.get("auth"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.get("kafka"));
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + ports.get("mongo") + "/peerpulse-bench-bare");
        // As ./peerpulse up runs the services: readable log lines rather than JSON.
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        progress.say("Starting the bare endpoint on 127.0.0.1:%d (log %s)", port, workDir.resolve("bare-endpoint.log"));
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-bare-endpoint"));
        BareEndpoint bare = new BareEndpoint(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness");
        while (!BenchRun.ready(health)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                bare.close();
                throw new IllegalStateException("the bare endpoint did not start; see " + workDir.resolve("bare-endpoint.log"));
            }
            Thread.sleep(500);
        }
        return bare;
    }

    URI sessions() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/sessions");
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
