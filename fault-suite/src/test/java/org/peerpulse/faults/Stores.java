package org.peerpulse.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.testsupport.TestBackends;

/**
 * Reads the services' own databases directly, for what no API shows (entries still waiting in an outbox, the
 * invitations feedback-service learned), and writes the one thing a scenario stages there: an outbox lease held
 * by an instance that is not running.
 */
final class Stores {

    /** Decision 0011's lease documents: {@code _id} the collection, {@code owner}, {@code until}. */
    private static final String OUTBOX_LEASES = "outbox_leases";

    private Stores() {
    }

    /** Documents of {@code agency} in {@code collection} whose outbox still holds events to publish. */
    static long pendingOutbox(String database, String collection, String agency) {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(database))) {
            return client.getDatabase(database).getCollection(collection)
                    .countDocuments(new Document("agencyId", agency).append(OutboxEntry.PENDING_FIELD, true));
        }
    }

    /** The event ids waiting in the outboxes of {@code agency}'s documents in {@code collection}. */
    static List<String> outboxEventIds(String database, String collection, String agency) {
        List<String> ids = new ArrayList<>();
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(database))) {
            for (Document document : client.getDatabase(database).getCollection(collection)
                    .find(new Document("agencyId", agency))) {
                document.getList(OutboxEntry.OUTBOX_FIELD, Document.class, List.of())
                        .forEach(entry -> ids.add(entry.getString("eventId")));
            }
        }
        return ids;
    }

    /** The session of each invitation of {@code agency} feedback-service stores, one element per invitation. */
    static List<String> invitedSessions(String database, String agency) {
        List<String> sessions = new ArrayList<>();
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(database))) {
            for (Document invitation : client.getDatabase(database).getCollection("invitations")
                    .find(new Document("agencyId", agency))) {
                sessions.add(invitation.getString("sessionId"));
            }
        }
        return sessions;
    }

    /**
     * Stores the outbox lease of {@code collection} as held by {@code owner}, an instance that is not running,
     * for {@code duration}: no relay on {@code database} publishes that collection until it is released.
     */
    static void holdOutboxLease(String database, String collection, String owner, Duration duration) {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(database))) {
            leases(client, database).replaceOne(new Document("_id", collection),
                    new Document("_id", collection).append("owner", owner)
                            .append("until", Date.from(Instant.now().plus(duration))),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** Removes the lease of {@code collection}, as its holder's clean stop does: the next poll of a relay takes it. */
    static void releaseOutboxLease(String database, String collection) {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(database))) {
            leases(client, database).deleteOne(new Document("_id", collection));
        }
    }

    private static MongoCollection<Document> leases(MongoClient client, String database) {
        return client.getDatabase(database).getCollection(OUTBOX_LEASES);
    }
}
