package org.peerpulse.indicators.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.peerpulse.infra.kafka.KafkaBroker;
import org.peerpulse.infra.mongo.DocumentStore;

/**
 * One real Kafka broker and one document store for this test JVM, on 127.0.0.1, started on first use and
 * stopped when the JVM ends. Stands in until test-support's TestBackends lands.
 */
final class FlowBackends {

    private FlowBackends() {
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
                KAFKA = KafkaBroker.start(KafkaBroker.Settings.ephemeral(Files.createTempDirectory("metrics-kafka")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MONGO = DocumentStore.inMemory(0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                KAFKA.close();
                MONGO.close();
            }, "flow-backends-stop"));
        }
    }
}
