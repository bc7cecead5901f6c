package org.peerpulse.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpulse.infra.ListeningSockets;

class DocumentStoreTest {

    @TempDir
    Path dir;

    @Test
    void theDriverInsertsAndFinds() {
        long started = System.nanoTime();
        try (DocumentStore store = DocumentStore.inMemory(0)) {
            System.out.printf("TIMING mongo in-memory start: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(store.connectionString()).isEqualTo("mongodb://127.0.0.1:" + store.port());
            try (MongoClient client = client(store)) {
                sessions(client).insertOne(new Document("_id", "s-1").append("agencyId", "harbor"));

                assertThat(sessions(client).find(new Document("agencyId", "harbor")).first())
                        .containsEntry("_id", "s-1");
            }
        }
    }

    @Test
    void anH2FileKeepsItsDataAcrossACleanRestart() {
        Path file = dir.resolve("store/peerpulse.mv.db");
        try (DocumentStore store = DocumentStore.persistent(file, 0); MongoClient client = client(store)) {
            sessions(client).insertOne(new Document("_id", "s-2").append("agencyId", "sunrise"));
        }

        long started = System.nanoTime();
        try (DocumentStore reopened = DocumentStore.persistent(file, 0)) {
            System.out.printf("TIMING mongo h2 reopen: %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            try (MongoClient client = client(reopened)) {
                assertThat(sessions(client).find(new Document("_id", "s-2")).first())
                        .containsEntry("agencyId", "sunrise");
            }
        }
    }

    @Test
    void stopAndRestartServeTheSameDataOnTheSamePort() {
        try (DocumentStore store = DocumentStore.inMemory(0); MongoClient client = client(store)) {
            int port = store.port();
            sessions(client).insertOne(new Document("_id", "s-3"));

            store.stop();

            assertThat(store.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 1000))
                    .isInstanceOf(ConnectException.class);

            store.restart();

            assertThat(store.port()).isEqualTo(port);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(sessions(client).countDocuments(new Document("_id", "s-3"))).isEqualTo(1));
            sessions(client).insertOne(new Document("_id", "s-4"));
            assertThat(sessions(client).countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void anH2StoreAlsoSurvivesStopAndRestart() {
        try (DocumentStore store = DocumentStore.persistent(dir.resolve("restart.mv.db"), 0);
             MongoClient client = client(store)) {
            sessions(client).insertOne(new Document("_id", "s-5"));
            store.restart();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(sessions(client).countDocuments()).isEqualTo(1));
        }
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        Assumptions.assumeTrue(ListeningSockets.available(), "needs Linux /proc to see bound addresses");
        Set<InetSocketAddress> before = ListeningSockets.ofThisProcess();
        try (DocumentStore store = DocumentStore.inMemory(0)) {
            Set<InetSocketAddress> opened = new HashSet<>(ListeningSockets.ofThisProcess());
            opened.removeAll(before);

            assertThat(opened).extracting(InetSocketAddress::getPort).containsExactly(store.port());
            assertThat(opened).allSatisfy(socket ->
                    assertThat(socket.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
        }
    }

    private static MongoClient client(DocumentStore store) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private static MongoCollection<Document> sessions(MongoClient client) {
        return client.getDatabase("peerpulse-test").getCollection("sessions");
    }
}
