package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.AppInfoParser;
import org.peerpulse.infra.kafka.KafkaBroker;
import org.peerpulse.infra.mongo.DocumentStore;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one place that decides which Kafka and MongoDB a test JVM talks to.
 *
 * <p>With a Docker engine: Testcontainers ({@code apache/kafka} at the kafka-clients version, so at
 * Boot's {@code kafka.version}, and {@code mongo:8}). Without one: embedded-infra's in-process
 * {@link KafkaBroker} (3 partitions) and an in-memory {@link DocumentStore}, both on 127.0.0.1. Each
 * backend starts on first use, once per JVM, and stops from a shutdown hook; tests share them, so
 * they use unique topic, group, agency and database names. The embedded broker can be stopped and
 * started again ({@link #stopKafka()}, {@link #startKafka()}) to test an outage.
 *
 * <p>{@code -Dpeerpulse.test.backend=embedded|containers} (or env {@code PEERPULSE_TEST_BACKEND})
 * overrides the choice. Docker is only probed when a socket or {@code DOCKER_HOST} hints at one:
 * Testcontainers' own probe logs loud errors on machines without an engine.
 */
public final class TestBackends {

    static final String EMBEDDED = "embedded";

    static final String CONTAINERS = "testcontainers";

    private TestBackends() {
    }

    /** {@code host:port} of the shared broker; starts it on first use. */
    public static String kafkaBootstrapServers() {
        return Kafka.BOOTSTRAP_SERVERS;
    }

    /** A connection string for {@code database} on the shared store; starts the store on first use. */
    public static String mongoUri(String database) {
        if (database == null || database.isBlank() || database.contains("/")) {
            throw new IllegalArgumentException("database name must be non-blank and contain no '/'");
        }
        return Mongo.CONNECTION_STRING + "/" + database;
    }

    /**
     * The embedded store itself, for tests that stop and restart it. Only on the embedded backend:
     * guard such tests with {@code assumeTrue(TestBackends.backendName().equals("embedded"))}.
     */
    public static DocumentStore documentStore() {
        if (!Choice.EMBEDDED_CHOSEN) {
            throw new IllegalStateException("the document store is a Testcontainers MongoDB here, not the embedded one");
        }
        return Mongo.EmbeddedStore.STORE;
    }

    /**
     * Stops the shared embedded broker, keeping its data directory and ports, so a test can show what
     * happens while Kafka is down. Every other test in this JVM shares the broker: call
     * {@link #startKafka()} in a {@code finally} block. Only on the embedded backend (a container would
     * come back on another port): elsewhere this throws {@link UnsupportedOperationException}, so guard
     * such tests with {@code assumeTrue(TestBackends.backendName().equals("embedded"))}.
     */
    public static void stopKafka() {
        embeddedKafka("stopKafka").stop();
    }

    /**
     * Starts the shared embedded broker again on the same port and data directory (its topics, records and
     * committed offsets are kept), and returns once it accepts clients; does nothing if it is running.
     * Only on the embedded backend, as {@link #stopKafka()}.
     */
    public static void startKafka() {
        embeddedKafka("startKafka").start();
    }

    private static EmbeddedKafka embeddedKafka(String operation) {
        if (!Choice.EMBEDDED_CHOSEN) {
            throw new UnsupportedOperationException(operation + " needs the embedded broker; this JVM uses a container");
        }
        kafkaBootstrapServers();
        return Kafka.EMBEDDED;
    }

    /** {@code "embedded"} or {@code "testcontainers"}. */
    public static String backendName() {
        return Choice.EMBEDDED_CHOSEN ? EMBEDDED : CONTAINERS;
    }

    /** Decided once per JVM, on first use. */
    private static final class Choice {

        static final boolean EMBEDDED_CHOSEN = !useContainers();

        private static boolean useContainers() {
            String forced = System.getProperty("peerpulse.test.backend", System.getenv("PEERPULSE_TEST_BACKEND"));
            if (forced != null && !forced.isBlank()) {
                String value = forced.trim().toLowerCase(Locale.ROOT);
                if (value.equals(EMBEDDED)) {
                    return false;
                }
                if (value.equals("containers") || value.equals(CONTAINERS)) {
                    return true;
                }
                throw new IllegalArgumentException("peerpulse.test.backend must be 'embedded' or 'containers', not " + forced);
            }
            return dockerHinted() && DockerClientFactory.instance().isDockerAvailable();
        }

        private static boolean dockerHinted() {
            if (System.getenv("DOCKER_HOST") != null) {
                return true;
            }
            String home = System.getProperty("user.home", "");
            String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
            return Files.exists(Path.of("/var/run/docker.sock"))
                    || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                    || Files.exists(Path.of(home, ".testcontainers.properties"))
                    || (runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock")));
        }
    }

    private static final class Kafka {

        static final EmbeddedKafka EMBEDDED = Choice.EMBEDDED_CHOSEN ? EmbeddedKafka.startFirst() : null;

        static final String BOOTSTRAP_SERVERS = EMBEDDED != null ? EMBEDDED.bootstrapServers() : startContainer();

        @SuppressWarnings("resource") // stopped by the shutdown hook
        private static String startContainer() {
            KafkaContainer container = new KafkaContainer("apache/kafka:" + AppInfoParser.getVersion());
            container.start();
            onShutdown("peerpulse-test-kafka-stop", container::stop);
            return container.getBootstrapServers();
        }
    }

    /**
     * The JVM's embedded broker, which a test may stop and start again: the broker object changes, its
     * data directory and ports do not, so clients reconnect to the same address and find their topics.
     */
    private static final class EmbeddedKafka {

        private final Path dataDir;
        private final int port;
        private final int controllerPort;
        private KafkaBroker broker;

        private EmbeddedKafka(KafkaBroker broker) {
            this.broker = broker;
            this.dataDir = broker.dataDir();
            this.port = broker.port();
            this.controllerPort = broker.controllerPort();
        }

        static EmbeddedKafka startFirst() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("peerpulse-test-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedKafka kafka = new EmbeddedKafka(KafkaBroker.start(KafkaBroker.Settings.ephemeral(dataDir)));
            onShutdown("peerpulse-test-kafka-stop", () -> {
                kafka.stop();
                deleteRecursively(dataDir);
            });
            return kafka;
        }

        String bootstrapServers() {
            return "127.0.0.1:" + port;
        }

        synchronized void stop() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }

        synchronized void start() {
            if (broker == null) {
                broker = KafkaBroker.start(new KafkaBroker.Settings(dataDir, port, controllerPort, 3, Map.of()));
            }
        }
    }

    private static final class Mongo {

        static final String CONNECTION_STRING = Choice.EMBEDDED_CHOSEN
                ? EmbeddedStore.STORE.connectionString() : startContainer();

        @SuppressWarnings("resource") // stopped by the shutdown hook
        private static String startContainer() {
            MongoDBContainer container = new MongoDBContainer("mongo:8");
            container.start();
            onShutdown("peerpulse-test-mongo-stop", container::stop);
            return container.getConnectionString();
        }

        private static final class EmbeddedStore {

            static final DocumentStore STORE = start();

            private static DocumentStore start() {
                DocumentStore store = DocumentStore.inMemory(0);
                onShutdown("peerpulse-test-mongo-stop", store::close);
                return store;
            }
        }
    }

    private static void onShutdown(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, name));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temp dir left behind is harmless at JVM exit
        }
    }
}
