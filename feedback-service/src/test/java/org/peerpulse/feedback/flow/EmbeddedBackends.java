package org.peerpulse.feedback.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.peerpulse.infra.kafka.KafkaBroker;
import org.peerpulse.infra.mongo.DocumentStore;

/**
 * One real Kafka broker and one document store for this test JVM, on 127.0.0.1, started on first use and
 * stopped when the JVM ends. Stands in until test-support's TestBackends lands.
 */
final class EmbeddedBackends {

    private EmbeddedBackends() {
    }

    static String kafkaBootstrapServers() {
        return Holder.KAFKA.bootstrapServers();
    }

    static String mongoUri(String database) {
        return Holder.MONGO.connectionString() + "/" + database;
    }

    private static final class Holder {

        static final KafkaBroker KAFKA;
        static final DocumentStore MONGO;

        static {
            try {
                // No 3 s wait for more members before the service's consumer group gets its partitions.
                KAFKA = KafkaBroker.start(new KafkaBroker.Settings(Files.createTempDirectory("feedback-kafka"), 0, 0,
                        3, Map.of("group.initial.rebalance.delay.ms", "0")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MONGO = DocumentStore.inMemory(0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                KAFKA.close();
                MONGO.close();
            }, "embedded-backends-stop"));
        }
    }
}
