package org.peerpulse.indicators.counting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.indicators.counting.domain.FirstRead;
import org.peerpulse.indicators.counting.domain.SourcePartition;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The stored copy windows on the embedded MongoDB stand-in: one document per partition and batch. */
class MongoCopyWindowsTest {

    private static final SourcePartition SESSIONS_0 = new SourcePartition("peerpulse.sessions.v1", 0);
    private static final SourcePartition SESSIONS_1 = new SourcePartition("peerpulse.sessions.v1", 1);

    @Test
    void keepsEachPartitionsFirstReadsInOffsetOrderAndForgetsWhatFellOut() {
        try (MongoClient client = MongoClients.create(TestBackends.mongoUri("copy-windows"))) {
            MongoTemplate mongo = new MongoTemplate(client, "copy-windows-" + System.nanoTime());
            MongoCopyWindows windows = new MongoCopyWindows(new TenantCollections(mongo));
            windows.createIndexes();
            List<FirstRead> second = List.of(read(10), read(12));
            List<FirstRead> first = List.of(read(3), read(4), read(7));
            List<FirstRead> other = List.of(read(5));

            windows.add(SESSIONS_0, second);
            windows.add(SESSIONS_0, first);
            windows.add(SESSIONS_1, other);
            windows.add(SESSIONS_0, second);

            assertThat(windows.of(SESSIONS_0)).containsExactly(first.get(0), first.get(1), first.get(2),
                    second.get(0), second.get(1));
            assertThat(windows.of(SESSIONS_1)).isEqualTo(other);
            assertThat(mongo.count(new Query(), MongoCopyWindows.COLLECTION))
                    .as("one document per partition and batch; a batch written again replaces its own").isEqualTo(3);

            windows.forgetBelow(SESSIONS_0, 9);

            assertThat(windows.of(SESSIONS_0)).isEqualTo(second);
            assertThat(windows.of(SESSIONS_1)).isEqualTo(other);
        }
    }

    private static FirstRead read(long offset) {
        return new FirstRead(EventIds.newId(), offset);
    }
}
