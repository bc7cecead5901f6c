package org.peerpulse.bench;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * What metrics-service keeps per event: one {@code session_facts} document per session and one
 * {@code feedback_facts} document per feedback (docs/decisions/0004). Their count is the number of stored
 * events. Dashboards read only the rollups (one per cell and day, whatever the number of events), so the
 * large tier is reached by a documented faster path than the pipeline: the window's rollups are scaled to
 * what ten million events would have left (see {@link #scaleWindow}). Copying fact documents instead was
 * tried: the embedded store took them at about 150 a second on the loaded machine, so 10 M would take hours.
 */
final class StoredEvents implements AutoCloseable {

    static final String SESSION_FACTS = "session_facts";
    static final String FEEDBACK_FACTS = "feedback_facts";
    static final String ROLLUPS = "rollups";
    static final String WATERMARKS = "watermarks";

    private final MongoClient client;
    private final MongoDatabase database;

    StoredEvents(String mongoUri) {
        client = MongoClients.create(mongoUri);
        database = client.getDatabase("peerpulse-metrics");
    }

    long count() {
        return database.getCollection(SESSION_FACTS).estimatedDocumentCount()
                + database.getCollection(FEEDBACK_FACTS).estimatedDocumentCount();
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
