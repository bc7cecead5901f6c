package org.peerpulse.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.peerpulse.testsupport.TestBackends;

/** Reads the services' own databases directly, for what no API shows: entries still waiting in an outbox. */
final class Stores {

    private Stores() {
    }

    /** Documents of {@code agency} in {@code collection} whose outbox still holds events to publish. */
    static long pendingOutbox(String database, String collection, String agency) {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri(database))) {
            return client.getDatabase(database).getCollection(collection)
                    .countDocuments(new Document("agencyId", agency).append("outboxPending", true));
        }
    }
}
