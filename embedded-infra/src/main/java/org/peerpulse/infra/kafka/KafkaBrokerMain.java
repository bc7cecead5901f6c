package org.peerpulse.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local stack's Kafka broker as a process of its own.
 *
 * <p>{@code --data-dir <dir> --port 9092 --controller-port 9093 [--fresh]}. Prints
 * {@code READY kafka 127.0.0.1:<port>} on stdout once clients can connect; logs go to stderr. Ctrl-C
 * or SIGTERM shut the broker down cleanly, so the next start finds a consistent log directory.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: the mains bring their own logging setup, services never see it.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "embedded-infra-logback.xml");
        }
        Path dataDir = null;
        int port = 9092;
        int controllerPort = 9093;
        boolean fresh = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                    case "--fresh" -> fresh = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
        } catch (RuntimeException e) {
            System.err.println("kafka: " + e.getMessage());
            System.err.println("usage: KafkaBrokerMain --data-dir <dir> [--port 9092] [--controller-port 9093] [--fresh]");
            System.exit(2);
            return;
        }
        KafkaBroker broker;
        try {
            if (fresh) {
                deleteRecursively(dataDir);
            }
            broker = KafkaBroker.start(new KafkaBroker.Settings(dataDir, port, controllerPort, 3, Map.of()));
        } catch (RuntimeException e) {
            System.err.println("kafka: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        System.out.println("READY kafka " + broker.bootstrapServers());
        System.out.flush();
        // Kafka's own non-daemon threads keep the process alive until a signal runs the hook.
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
