package org.peerpulse.infra.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running inside this JVM: KRaft combined mode (broker and controller,
 * node id 1), every listener on 127.0.0.1.
 *
 * <p>The storage is formatted on the first start in a data directory and kept on later starts, so
 * topics and committed offsets survive a restart. Kafka's fatal-error paths call
 * {@link Exit#exit}/{@link Exit#halt}; they are redirected so that a broker failure never ends the
 * JVM that hosts it (a test run or the local stack's broker process).
 *
 * <p>This uses Kafka's own server classes ({@link KafkaRaftServer}, {@link Formatter}), which are
 * internal to Kafka: it is pinned to Spring Boot's {@code kafka.version} and must be re-checked when
 * that moves.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * How to start a broker.
     *
     * @param dataDir        log directory (also holds the KRaft metadata log); created if missing
     * @param port           PLAINTEXT port on 127.0.0.1, 0 picks a free one
     * @param controllerPort CONTROLLER port on 127.0.0.1, 0 picks a free one
     * @param partitions     {@code num.partitions} for topics created without a partition count
     * @param overrides      broker properties applied last (they win over everything here)
     */
    public record Settings(Path dataDir, int port, int controllerPort, int partitions, Map<String, String> overrides) {

        public Settings {
            Objects.requireNonNull(dataDir, "dataDir");
            if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException("ports must be 0..65535");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1");
            }
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        }

        /** Free ports, 3 partitions, no overrides: what a test wants. */
        public static Settings ephemeral(Path dataDir) {
            return new Settings(dataDir, 0, 0, 3, Map.of());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private static final String HOST = "127.0.0.1";

    private static final int BIND_ATTEMPTS = 3;

    private static final AtomicBoolean EXIT_GUARD_INSTALLED = new AtomicBoolean();

    private final KafkaRaftServer server;

    private final int port;

    private final int controllerPort;

    private final Path dataDir;

    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, int port, int controllerPort, Path dataDir) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    /**
     * Formats the data directory if it is not formatted yet, starts the broker and returns once it is
     * unfenced and accepting clients.
     */
    public static KafkaBroker start(Settings settings) {
        installExitGuard();
        Path dataDir = settings.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data dir " + dataDir, e);
        }
        requireUnlocked(dataDir);
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            int port = settings.port() == 0 ? freePort() : settings.port();
            int controllerPort = settings.controllerPort() == 0 ? freePort(port) : settings.controllerPort();
            KafkaConfig config = KafkaConfig.fromProps(properties(settings, dataDir, port, controllerPort), false);
            formatIfNeeded(config, dataDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutDownQuietly(server);
                boolean pickedPorts = settings.port() == 0 || settings.controllerPort() == 0;
                if (pickedPorts && causedByBind(e) && attempt < BIND_ATTEMPTS) {
                    log.warn("Kafka port taken between picking and binding, retrying with new ports");
                    continue;
                }
                throw new IllegalStateException("Kafka broker did not start in " + dataDir, e);
            }
            log.info("Kafka broker ready on {}:{} (controller {}) in {} ms", HOST, port, controllerPort,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new KafkaBroker(server, port, controllerPort, dataDir);
        }
    }

    /** The PLAINTEXT listener, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts the broker and controller down and waits until they have stopped; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
            log.info("Kafka broker on {}:{} stopped", HOST, port);
        }
    }

    static Properties properties(Settings settings, Path dataDir, int port, int controllerPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDir.toString());
        config.put("num.partitions", Integer.toString(settings.partitions()));
        // One broker: every internal topic has a single replica, and few partitions keep start-up quick.
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "3");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "3");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // Sized for a 2-core machine that also runs the services.
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("num.recovery.threads.per.data.dir", "1");
        config.put("num.replica.fetchers", "1");
        config.put("group.coordinator.threads", "1");
        config.put("share.coordinator.threads", "1");
        config.put("log.cleaner.threads", "1");
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        config.putAll(settings.overrides());
        Properties properties = new Properties();
        properties.putAll(config);
        return properties;
    }

    private static void formatIfNeeded(KafkaConfig config, Path dataDir) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            log.info("Kafka data dir {} is formatted, keeping its topics and offsets", dataDir);
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dataDir.toString()))
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka data dir " + dataDir, e);
        }
        log.info("Formatted Kafka data dir {}", dataDir);
    }

    /**
     * Kafka's controller starts (and writes the metadata log) before the broker part notices that
     * another Kafka holds the directory lock, which damages the other instance's quorum state.
     * Checking the lock first turns a second launch on the same directory into a clear failure.
     */
    private static void requireUnlocked(Path dataDir) {
        Path lockFile = dataDir.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another Kafka process is using " + dataDir);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("another Kafka broker in this JVM is using " + dataDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the Kafka lock in " + dataDir, e);
        }
    }

    /**
     * Kafka ends the process on fatal errors (and some tools on bad input). In a shared JVM that
     * would kill a whole test run, so the request is logged and turned into an exception instead.
     */
    private static void installExitGuard() {
        if (EXIT_GUARD_INSTALLED.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) -> {
                log.error("Kafka asked to exit the JVM with status {}: {}", status, message);
                throw new KafkaExitRefused("exit", status, message);
            });
            Exit.setHaltProcedure((status, message) -> {
                log.error("Kafka asked to halt the JVM with status {}: {}", status, message);
                throw new KafkaExitRefused("halt", status, message);
            });
        }
    }

    /** Thrown in place of Kafka's {@code System.exit}/{@code Runtime.halt}. */
    public static final class KafkaExitRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KafkaExitRefused(String kind, int status, String message) {
            super("Kafka called " + kind + "(" + status + ")" + (message == null ? "" : ": " + message));
        }
    }

    private static int freePort(int... avoid) {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
                int candidate = socket.getLocalPort();
                if (Arrays.stream(avoid).noneMatch(p -> p == candidate)) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on " + HOST, e);
            }
        }
        throw new IllegalStateException("no free port on " + HOST);
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka broker did not shut down cleanly after a failed start", e);
        }
    }
}
