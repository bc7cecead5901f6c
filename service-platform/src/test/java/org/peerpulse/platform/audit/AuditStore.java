package org.peerpulse.platform.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit collection of a database of its own on the shared test store, as the writer meets it, counting
 * the {@code insert} commands that reach it (one per bulk write). Closes its client and stops its writers.
 */
final class AuditStore implements AutoCloseable {

    final MongoTemplate mongo;
    final TenantCollections tenants;
    final MongoAuditTrail trail;
    private final MongoClient client;
    private final AtomicInteger inserts = new AtomicInteger();
    private final List<AuditWriter> writers = new ArrayList<>();

    /**
     * A database of its own on the shared test store, with the trail's index.
     *
     * @param options appended to the connection string, such as {@code ?serverSelectionTimeoutMS=500}
     */
    static AuditStore shared(String options) {
        AuditStore store = new AuditStore(TestBackends.mongoUri("audit-" + UUID.randomUUID().toString().substring(0, 8))
                + options);
        store.trail.createIndexes();
        return store;
    }

    private AuditStore(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("insert")
                        && MongoAuditTrail.COLLECTION.equals(event.getCommand().getString("insert").getValue())) {
                    inserts.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(connection)
                .addCommandListener(counting).build());
        mongo = new MongoTemplate(client, connection.getDatabase());
        tenants = new TenantCollections(mongo);
        trail = new MongoAuditTrail(tenants);
    }

    /** A store no one listens on: every try fails after {@code serverSelectionTimeoutMS}. */
    static AuditStore unreachable() {
        return new AuditStore("mongodb://127.0.0.1:1/audit-unreachable?serverSelectionTimeoutMS=300");
    }

    /** A writer on this store, not yet started. */
    AuditWriter writer(AuditProperties properties, MeterRegistry meters) {
        AuditWriter writer = new AuditWriter(trail, properties, meters);
        writers.add(writer);
        return writer;
    }

    static AuditTrail trail(AuditWriter writer) {
        return new AuditTrail(writer, Clock.systemUTC(), "audit-test");
    }

    /** Records one request of {@code agency} (or a refused caller's, for {@code null}) numbered {@code n}. */
    static void record(AuditTrail trail, String agency, int n) {
        trail.record(AuditTrail.Actor.of(agency, "lead-" + n % 7, List.of("quality_lead")), "dashboard.view",
                Map.of("n", String.valueOf(n)), 200, null);
    }

    long stored() {
        return mongo.getCollection(MongoAuditTrail.COLLECTION).countDocuments();
    }

    int inserts() {
        return inserts.get();
    }

    @Override
    public void close() {
        writers.forEach(AuditWriter::stop);
        client.close();
    }
}
