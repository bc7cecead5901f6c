package org.peerpulse.indicators.counting.persistence;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.peerpulse.indicators.counting.domain.CopyWindows;
import org.peerpulse.indicators.counting.domain.FirstRead;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.peerpulse.platform.tenancy.TenantCollections;

/**
 * The copy windows in MongoDB: one document per partition and batch, {@code _id = "<partition>~<first offset>"},
 * with the partition, the first and last offset it holds, and the batch's first reads packed as two binaries
 * (16 bytes of event id and 8 of offset each), so a batch of hundreds of events is one small write. A batch
 * written again (a redelivery) replaces its own document. Event ids are random: they say nothing about anyone.
 */
@AcrossAgencies("a partition carries many agencies' events; the window is about positions, not agencies")
public class MongoCopyWindows implements CopyWindows {

    static final String COLLECTION = "copy_windows";

    private static final String PARTITION = "partition";
    private static final String FIRST = "first";
    private static final String LAST = "last";
    private static final String IDS = "ids";
    private static final String OFFSETS = "offsets";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> windows;

    public MongoCopyWindows(TenantCollections tenants) {
        this.windows = tenants.acrossAgencies("copy windows are kept per partition, across agencies")
                .getCollection(COLLECTION);
    }

    /** Read by partition in offset order; forgotten by partition and last offset. */
    public void createIndexes() {
        windows.createIndex(new Document(PARTITION, 1).append(FIRST, 1), new IndexOptions().name("partition_first"));
    }

    @Override
    public List<FirstRead> of(SourcePartition partition) {
        List<FirstRead> reads = new ArrayList<>();
        for (Document batch : windows.find(new Document(PARTITION, RollupDocument.watermarkField(partition)))
                .sort(new Document(FIRST, 1))) {
            ByteBuffer ids = ByteBuffer.wrap(batch.get(IDS, Binary.class).getData());
            ByteBuffer offsets = ByteBuffer.wrap(batch.get(OFFSETS, Binary.class).getData());
            while (offsets.hasRemaining()) {
                reads.add(new FirstRead(new UUID(ids.getLong(), ids.getLong()), offsets.getLong()));
            }
        }
        return reads;
    }

    @Override
    public void add(SourcePartition partition, List<FirstRead> firstReads) {
        if (firstReads.isEmpty()) {
            return;
        }
        ByteBuffer ids = ByteBuffer.allocate(firstReads.size() * 2 * Long.BYTES);
        ByteBuffer offsets = ByteBuffer.allocate(firstReads.size() * Long.BYTES);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (FirstRead read : firstReads) {
            ids.putLong(read.eventId().getMostSignificantBits()).putLong(read.eventId().getLeastSignificantBits());
            offsets.putLong(read.offset());
            first = Math.min(first, read.offset());
            last = Math.max(last, read.offset());
        }
        String field = RollupDocument.watermarkField(partition);
        windows.replaceOne(new Document("_id", field + "~" + first), new Document("_id", field + "~" + first)
                .append(PARTITION, field).append(FIRST, first).append(LAST, last)
                .append(IDS, new Binary(ids.array())).append(OFFSETS, new Binary(offsets.array())), UPSERT);
    }

    @Override
    public void forgetBelow(SourcePartition partition, long offset) {
        windows.deleteMany(new Document(PARTITION, RollupDocument.watermarkField(partition))
                .append(LAST, new Document("$lt", offset)));
    }
}
