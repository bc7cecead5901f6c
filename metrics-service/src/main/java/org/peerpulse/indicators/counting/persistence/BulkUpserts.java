package org.peerpulse.indicators.counting.persistence;

import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOptions;

/**
 * The facts' and the rollups' unordered bulk upserts read a refusal the same way: E11000 means the upsert met an
 * existing document (a guard that no longer held, or a concurrent insert), anything else is an error.
 */
final class BulkUpserts {

    static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private static final int DUPLICATE_KEY = 11000;

    private BulkUpserts() {
    }

    /** The refused writes, when every one was refused as a duplicate key; anything else is rethrown. */
    static List<BulkWriteError> duplicatesOnly(MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null
                || !e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
            throw e;
        }
        return e.getWriteErrors();
    }
}
