package org.peerpulse.infra.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster in this JVM, every listener on 127.0.0.1: one KRaft controller (node 1) and {@code n}
 * brokers (nodes 2..n+1); topics get {@code n} replicas by default and {@code min.insync.replicas} {@code n - 1},
 * so a cluster of three brokers rides out the loss of any one of them, as a production cluster does. Single
 * brokers can be stopped and started again on the same ports and data, which is how a test takes a partition's
 * leader away while clients produce.
 *
 * <p>The controller is a node of its own, as in production KRaft clusters with dedicated controllers: a
 * broker's shutdown asks the controller to move its leaderships first, and with controllers on the brokers the
 * last brokers to stop would wait minutes for a quorum that had already gone. Brokers stop before the controller.
 *
 * <p>Built on the same broker settings as {@link KafkaBroker} (its {@code properties}), and like it on Kafka's
 * internal server classes: pinned to Spring Boot's {@code kafka.version}, re-check on upgrades.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);

    private static final String HOST = "127.0.0.1";

    private static final int CONTROLLER_ID = 1;

    private final Node controller;

    private final List<Node> brokers;

    private KafkaCluster(Node controller, List<Node> brokers) {
        this.controller = controller;
        this.brokers = brokers;
    }

    /**
     * Formats a data directory per node under {@code baseDir} with one cluster id, starts the controller and
     * {@code brokers} brokers, and returns once every broker is unfenced. {@code overrides} apply to every
     * broker, last.
     */
    public static KafkaCluster start(Path baseDir, int brokers, Map<String, String> overrides) {
        if (brokers < 3) {
            throw new IllegalArgumentException("a cluster that survives a broker's loss has at least 3 brokers");
        }
        installExitGuard();
        List<Integer> ports = freePorts(brokers + 1);
        int controllerPort = ports.get(0);
        String voters = CONTROLLER_ID + "@" + HOST + ":" + controllerPort;
        String clusterId = Uuid.randomUuid().toString();

        // The controller applies the replication defaults to topics created without a replication factor, the
        // brokers to their internal topics and logs: both need them.
        Map<String, String> replication = new LinkedHashMap<>();
        replication.put("default.replication.factor", Integer.toString(brokers));
        replication.put("min.insync.replicas", Integer.toString(brokers - 1));
        replication.put("offsets.topic.replication.factor", Integer.toString(brokers));
        replication.put("transaction.state.log.replication.factor", Integer.toString(brokers));
        replication.put("transaction.state.log.min.isr", Integer.toString(brokers - 1));
        replication.put("share.coordinator.state.topic.replication.factor", Integer.toString(brokers));
        replication.put("share.coordinator.state.topic.min.isr", Integer.toString(brokers - 1));

        Path controllerDir = baseDir.resolve("controller").toAbsolutePath();
        Properties controllerProperties = KafkaBroker.properties(new KafkaBroker.Settings(controllerDir, controllerPort,
                controllerPort, 3, replication), controllerDir, controllerPort, controllerPort);
        controllerProperties.put("process.roles", "controller");
        controllerProperties.put("node.id", Integer.toString(CONTROLLER_ID));
        controllerProperties.put("controller.quorum.voters", voters);
        controllerProperties.put("listeners", "CONTROLLER://" + HOST + ":" + controllerPort);
        controllerProperties.remove("advertised.listeners");
        controllerProperties.remove("inter.broker.listener.name");
        Node controller = new Node(CONTROLLER_ID, controllerPort, controllerDir,
                KafkaConfig.fromProps(controllerProperties, false), clusterId);

        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= brokers; i++) {
            int id = CONTROLLER_ID + i;
            int port = ports.get(i);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("process.roles", "broker");
            settings.put("node.id", Integer.toString(id));
            settings.put("controller.quorum.voters", voters);
            settings.put("listeners", "PLAINTEXT://" + HOST + ":" + port);
            settings.putAll(replication);
            // A stopped broker's replicas leave the ISR within seconds, not the default 30.
            settings.put("replica.lag.time.max.ms", "5000");
            settings.putAll(overrides);
            Path dataDir = baseDir.resolve("broker-" + id).toAbsolutePath();
            Properties properties = KafkaBroker.properties(new KafkaBroker.Settings(dataDir, port, controllerPort, 3,
                    settings), dataDir, port, controllerPort);
            nodes.add(new Node(id, port, dataDir, KafkaConfig.fromProps(properties, false), clusterId));
        }
        KafkaCluster cluster = new KafkaCluster(controller, nodes);
        try {
            controller.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka controller did not start", e);
        }
        cluster.startAll(nodes);
        log.info("Kafka cluster of {} brokers ready on {}", brokers, cluster.bootstrapServers());
        return cluster;
    }

    /** Every broker's PLAINTEXT listener, so a client finds the cluster whichever brokers are up. */
    public String bootstrapServers() {
        return brokers.stream().map(node -> HOST + ":" + node.port).collect(Collectors.joining(","));
    }

    /** Broker node ids, 2..n+1. */
    public List<Integer> brokerIds() {
        return brokers.stream().map(node -> node.id).toList();
    }

    /** Broker ids that are running. */
    public synchronized Set<Integer> running() {
        Set<Integer> running = new HashSet<>();
        brokers.stream().filter(node -> node.server != null).forEach(node -> running.add(node.id));
        return running;
    }

    /** Shuts broker {@code id} down (its leaderships move first) and waits until it has stopped; its data stays. */
    public synchronized void stopBroker(int id) {
        broker(id).stop();
    }

    /** Starts broker {@code id} again on its port and data; returns once it is unfenced. */
    public synchronized void startBroker(int id) {
        startAll(List.of(broker(id)));
    }

    /** Stops the brokers (together), then the controller. Idempotent. */
    @Override
    public synchronized void close() {
        List<CompletableFuture<Void>> stops = brokers.stream().map(node -> CompletableFuture.runAsync(node::stop))
                .toList();
        stops.forEach(CompletableFuture::join);
        controller.stop();
    }

    private Node broker(int id) {
        return brokers.stream().filter(node -> node.id == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no broker " + id));
    }

    private void startAll(List<Node> toStart) {
        List<CompletableFuture<Void>> starts = toStart.stream().filter(node -> node.server == null)
                .map(node -> CompletableFuture.runAsync(node::start)).toList();
        try {
            starts.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            close();
            throw new IllegalStateException("Kafka cluster did not start", e.getCause());
        }
    }

    private static final class Node {

        final int id;
        final int port;
        final Path dataDir;
        final KafkaConfig config;
        final String clusterId;
        volatile KafkaRaftServer server;

        Node(int id, int port, Path dataDir, KafkaConfig config, String clusterId) {
            this.id = id;
            this.port = port;
            this.dataDir = dataDir;
            this.config = config;
            this.clusterId = clusterId;
        }

        void stop() {
            KafkaRaftServer running = server;
            if (running != null) {
                running.shutdown();
                running.awaitShutdown();
                server = null;
                log.info("Kafka node {} on {}:{} stopped", id, HOST, port);
            }
        }

        void start() {
            formatIfNeeded();
            KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
            starting.startup();
            server = starting;
        }

        private void formatIfNeeded() {
            try {
                Files.createDirectories(dataDir);
                if (Files.exists(dataDir.resolve("meta.properties"))) {
                    return;
                }
                new Formatter()
                        .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                        .setNodeId(id)
                        .setClusterId(clusterId)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(config.metadataLogDir())
                        .setDirectories(List.of(dataDir.toString()))
                        .setIgnoreFormatted(true)
                        .run();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dataDir, e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot format Kafka data dir " + dataDir, e);
            }
        }
    }

    /** As {@link KafkaBroker}: Kafka's exit and halt calls become exceptions, never the end of the JVM. */
    private static void installExitGuard() {
        Exit.setExitProcedure((status, message) -> {
            log.error("Kafka asked to exit the JVM with status {}: {}", status, message);
            throw new KafkaBroker.KafkaExitRefused("exit", status, message);
        });
        Exit.setHaltProcedure((status, message) -> {
            log.error("Kafka asked to halt the JVM with status {}: {}", status, message);
            throw new KafkaBroker.KafkaExitRefused("halt", status, message);
        });
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports on " + HOST, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }
}
