package org.peerpulse.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which positions the in-memory non-unique index gives for a filter, as the documents come, change and go. */
class SecondaryIndexTest {

    private final SecondaryIndex<Integer> agencyDay = new SecondaryIndex<>("agency_day",
            List.of(new IndexKey("agencyId", true), new IndexKey("day", true)), false);

    @BeforeEach
    void threeAgencies() {
        add(0, "harbor", "2026-11-20");
        add(1, "sunrise", "2026-11-20");
        add(2, "harbor", "2026-11-22");
        add(3, "harbor", "2026-11-21");
        add(4, "harbor", null);
    }

    @Test
    void servesALeadingFieldAndARangeOnTheNextInNaturalOrder() {
        assertThat(positions(doc("agencyId", "harbor"))).containsExactly(0, 2, 3, 4);
        assertThat(positions(doc("agencyId", "harbor").append("day",
                doc("$gte", "2026-11-21").append("$lte", "2026-11-22")))).containsExactly(2, 3);
        assertThat(positions(doc("agencyId", "harbor").append("day", doc("$gt", "2026-11-20").append("$lt", "2026-11-22"))))
                .containsExactly(3);
        assertThat(positions(doc("agencyId", "harbor").append("day", "2026-11-20"))).containsExactly(0);
        assertThat(positions(doc("agencyId", "harbor").append("day", doc("$lte", "2026-11-20")))).contains(0)
                .doesNotContain(2, 3);
        assertThat(positions(doc("agencyId", "nobody"))).isEmpty();
    }

    @Test
    void followsChangesAndRemovals() {
        Document moved = doc("_id", "d3").append("agencyId", "harbor").append("day", "2026-11-25");
        agencyDay.updateInPlace(doc("_id", "d3").append("agencyId", "harbor").append("day", "2026-11-21"), moved, 3, null);
        agencyDay.remove(doc("_id", "d0").append("agencyId", "harbor").append("day", "2026-11-20"));

        assertThat(positions(doc("agencyId", "harbor").append("day", doc("$gte", "2026-11-20").append("$lte", "2026-11-22"))))
                .containsExactly(2);
        assertThat(positions(doc("agencyId", "harbor").append("day", doc("$gte", "2026-11-23")))).containsExactly(3);
        assertThat(agencyDay.getPosition(moved)).isEqualTo(3);
        assertThat(agencyDay.getCount()).isEqualTo(4);
    }

    @Test
    void leavesToTheScanWhatItCannotNarrow() {
        assertThat(agencyDay.canHandle(doc("day", "2026-11-20"))).isFalse();
        assertThat(agencyDay.canHandle(doc("agencyId", null))).isFalse();
        assertThat(agencyDay.canHandle(doc("agencyId", doc("$ne", "harbor")))).isFalse();
        assertThat(agencyDay.canHandle(doc("agencyId", List.of("harbor")))).isFalse();
        assertThat(agencyDay.selectivity(doc("agencyId", "harbor").append("day", doc("$exists", true)))).isEqualTo(2);
        assertThat(agencyDay.selectivity(doc("agencyId", "harbor").append("day", doc("$gte", "2026-11-20"))))
                .isEqualTo(3);
    }

    private void add(int position, String agency, String day) {
        Document document = doc("_id", "d" + position).append("agencyId", agency);
        if (day != null) {
            document.append("day", day);
        }
        agencyDay.add(document, position, null);
    }

    private List<Integer> positions(Document query) {
        List<Integer> positions = new ArrayList<>();
        agencyDay.getPositions(query).forEach(positions::add);
        return positions;
    }

    private static Document doc(String key, Object value) {
        return new Document(key, value);
    }
}
