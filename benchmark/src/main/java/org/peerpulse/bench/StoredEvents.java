package org.peerpulse.bench;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The events metrics-service has counted, as its rollups say: it keeps no document per event (decision 0010),
 * so the sessions and answers its rollups add up to are the number of events that went through the pipeline.
 * Dashboards read only the rollups (one per cell and day, whatever the number of events), so the large tier
 * is reached by a documented faster path than the pipeline: the window's rollups are scaled to what ten
 * million events would have left (see {@link #scaleWindow}).
 */
final class StoredEvents implements AutoCloseable {

    static final String ROLLUPS = "rollups";
    static final String WATERMARKS = "watermarks";

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

    /** Sessions and answers the rollups of one agency's window count (what its dashboards add up). */
    long countedInWindow(String agencyId, java.time.LocalDate from, java.time.LocalDate to) {
        long counted = 0;
        for (Document rollup : database.getCollection(ROLLUPS).find(window(agencyId, from, to))) {
            counted += number(rollup.get("sessions")) + number(rollup.get("responses"));
        }
        return counted;
    }

    /**
     * The documented faster path to a large store: multiplies every counter of the window's rollups by
     * {@code factor}, leaving ids, days and the offset watermarks as they are, so the dashboards read exactly
     * the rollups that {@code factor} times the events would have left. Returns the documents rewritten.
     */
    int scaleWindow(String agencyId, java.time.LocalDate from, java.time.LocalDate to, long factor) {
        MongoCollection<Document> rollups = database.getCollection(ROLLUPS);
        int rewritten = 0;
        for (Document rollup : rollups.find(window(agencyId, from, to)).into(new ArrayList<>())) {
            Document scaled = scaled(rollup, factor);
            rollups.replaceOne(new Document("_id", rollup.get("_id")), scaled);
            rewritten++;
        }
        return rewritten;
    }

    private static Document window(String agencyId, java.time.LocalDate from, java.time.LocalDate to) {
        return new Document("agencyId", agencyId).append("day",
                new Document("$gte", from.toString()).append("$lte", to.toString()));
    }

    private static Document scaled(Document document, long factor) {
        Document copy = new Document();
        document.forEach((field, value) -> {
            if (field.equals("_id") || field.equals(WATERMARKS)) {
                copy.put(field, value);
            }
            else if (value instanceof Document nested) {
                copy.put(field, scaled(nested, factor));
            }
            else if (value instanceof Integer || value instanceof Long) {
                copy.put(field, ((Number) value).longValue() * factor);
            }
            else {
                copy.put(field, value);
            }
        });
        return copy;
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    @Override
    public void close() {
        client.close();
    }
}
