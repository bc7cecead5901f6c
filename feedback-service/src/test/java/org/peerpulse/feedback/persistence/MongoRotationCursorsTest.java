package org.peerpulse.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The agencies' rotation cursors on the test store: one atomic {@code $inc} each, never a slot taken twice. */
class MongoRotationCursorsTest {

    private static MongoClient client;

    private MongoTemplate mongo;
    private MongoRotationCursors cursors;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestBackends.mongoUri("rotation-cursors"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "rotation-cursors-" + System.nanoTime());
        cursors = new MongoRotationCursors(new TenantCollections(mongo));
    }

    @Test
    void eachAdvanceReturnsWhereTheAgencysCursorStoodAndAgenciesDoNotShareOne() {
        assertThat(cursors.advance("harbor", 12)).isZero();
        assertThat(cursors.advance("harbor", 3)).isEqualTo(12);
        assertThat(cursors.advance("sunrise", 4)).isZero();
        assertThat(cursors.advance("harbor", 0)).isEqualTo(15);

        assertThat(mongo.findById("harbor", Document.class, MongoRotationCursors.COLLECTION))
                .containsEntry("agencyId", "harbor").containsEntry("slots", 15L);
    }

    @Test
    void parallelAdvancesTakeDisjointSlots() {
        List<Long> starts = IntStream.range(0, 40).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> cursors.advance("harbor", 4))).toList().stream().map(CompletableFuture::join).sorted().toList();

        assertThat(starts).isEqualTo(IntStream.range(0, 40).mapToObj(i -> 4L * i).toList());
    }
}
