package org.peerpulse.bench;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The events metrics-service has counted, as its rollups say: it keeps no document per event (decision 0010),
 * so the sessions and answers its rollups add up to are what the events it applied left counting (a void and a
 * withdrawal take one back). The benchmark checks a catch-up's count against what it put on the topics.
 */
final class StoredEvents implements AutoCloseable {

    static final String ROLLUPS = "rollups";

    private final MongoClient client;
    private final MongoDatabase database;

    StoredEvents(String mongoUri) {
        client = MongoClients.create(mongoUri);
        database = client.getDatabase("peerpulse-metrics");
    }

    /** Sessions and answers every rollup counts. */
    long count() {
        long counted = 0;
        for (Document rollup : database.getCollection(ROLLUPS).find()
                .projection(new Document("sessions", 1).append("responses", 1))) {
            counted += number(rollup.get("sessions")) + number(rollup.get("responses"));
        }
        return counted;
    }

    /** Invitations every rollup counts (sessions logged with one, less voided ones). */
    long invitations() {
        long counted = 0;
        for (Document rollup : database.getCollection(ROLLUPS).find().projection(new Document("invitations", 1))) {
            counted += number(rollup.get("invitations"));
        }
        return counted;
    }

    /** feedback-service's invitation documents in the store: one per session logged with an invitation. */
    long invitationDocuments() {
        return client.getDatabase("peerpulse-feedback").getCollection("invitations").countDocuments();
    }

    /** Rollup documents in the store. */
    long rollups() {
        return database.getCollection(ROLLUPS).countDocuments();
    }

    /** Sessions and answers the rollups of one agency's window count (what its dashboards add up). */
    long countedInWindow(String agencyId, java.time.LocalDate from, java.time.LocalDate to) {
        long counted = 0;
        for (Document rollup : database.getCollection(ROLLUPS).find(window(agencyId, from, to))) {
            counted += number(rollup.get("sessions")) + number(rollup.get("responses"));
        }
        return counted;
    }

    private static Document window(String agencyId, java.time.LocalDate from, java.time.LocalDate to) {
        return new Document("agencyId", agencyId).append("day",
                new Document("$gte", from.toString()).append("$lte", to.toString()));
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    @Override
    public void close() {
        client.close();
    }
}
