package org.peerpulse.indicators.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What counts as a fall against the period before, and the one alert a fall can open per period. */
class FallTest {

    private static final int K = 5;

    @Test
    void anItemMeanDownAPointOrMoreFalls() {
        Fall.Figures before = figures(20L, null, null, Map.of("KINDNESS", new Fall.ItemMean(10, 4.5),
                "HOPE", new Fall.ItemMean(10, 4.0), "EMPATHY", new Fall.ItemMean(10, 4.2)));
        Fall.Figures now = figures(20L, null, null, Map.of("KINDNESS", new Fall.ItemMean(8, 3.5),
                "HOPE", new Fall.ItemMean(9, 2.9), "EMPATHY", new Fall.ItemMean(9, 3.21)));

        assertThat(Fall.between(before, now, K)).containsExactly(
                new Fall(AlertKind.ITEM_MEAN_FELL, "HOPE", 4.0, 2.9),
                new Fall(AlertKind.ITEM_MEAN_FELL, "KINDNESS", 4.5, 3.5));
    }

    @Test
    void anIndexDownTenOrMoreFalls() {
        Fall.Figures before = figures(12L, 80.0, 75.0, Map.of());
        Fall.Figures now = figures(12L, 70.0, 65.1, Map.of());

        assertThat(Fall.between(before, now, K)).containsExactly(new Fall(AlertKind.VALUES_INDEX_FELL, null, 80.0, 70.0));
        assertThat(Fall.between(now, before, K)).isEmpty();
    }

    @Test
    void fewerThanKAnswersOnEitherSideOrAHiddenFigureNeverFalls() {
        Fall.Figures before = figures(12L, 80.0, 75.0, Map.of("KINDNESS", new Fall.ItemMean(K, 4.5)));
        Fall.Figures few = figures(4L, 20.0, 20.0, Map.of("KINDNESS", new Fall.ItemMean(K - 1, 1.0)));
        Fall.Figures hidden = figures(null, null, null, Map.of());

        assertThat(Fall.between(before, few, K)).isEmpty();
        assertThat(Fall.between(few, before, K)).isEmpty();
        assertThat(Fall.between(before, hidden, K)).isEmpty();
        assertThat(Fall.between(hidden, figures(12L, 10.0, 10.0, Map.of()), K)).isEmpty();
        assertThat(Fall.between(before, figures(12L, 80.0, null, Map.of("KINDNESS", new Fall.ItemMean(K, 3.5))), K))
                .containsExactly(new Fall(AlertKind.ITEM_MEAN_FELL, "KINDNESS", 4.5, 3.5));
    }

    @Test
    void aScopeFallsAtMostOnceAPeriodPerKindAndItem() {
        Fall kindness = new Fall(AlertKind.ITEM_MEAN_FELL, "KINDNESS", 4.5, 3.0);
        UUID id = kindness.alertId("harbor", "program", "warmline", 683);

        assertThat(new Fall(AlertKind.ITEM_MEAN_FELL, "KINDNESS", 4.9, 2.0).alertId("harbor", "program", "warmline",
                683)).isEqualTo(id);
        assertThat(List.of(kindness.alertId("harbor", "program", "warmline", 684),
                kindness.alertId("harbor", "specialist", "warmline", 683),
                kindness.alertId("sunrise", "program", "warmline", 683),
                new Fall(AlertKind.ITEM_MEAN_FELL, "HOPE", 4.5, 3.0).alertId("harbor", "program", "warmline", 683),
                new Fall(AlertKind.VALUES_INDEX_FELL, null, 80.0, 60.0).alertId("harbor", "program", "warmline", 683)))
                .doesNotContain(id).doesNotHaveDuplicates();
    }

    @Test
    void aFallAlertIsAboutOneProgramOrOneSpecialist() {
        Fall fall = new Fall(AlertKind.TRUST_INDEX_FELL, null, 80.0, 60.0);
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Alert ofSpecialist = Alert.fell(UUID.randomUUID(), fall, "harbor", null, "sp-rivera", at,
                Delivery.notConfigured());

        assertThat(ofSpecialist.previous()).isEqualTo(80.0);
        assertThat(ofSpecialist.index()).isEqualTo(60.0);
        assertThat(ofSpecialist.floor()).isNull();
        assertThatThrownBy(() -> Alert.fell(UUID.randomUUID(), fall, "harbor", null, null, at,
                Delivery.notConfigured())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Alert.fell(UUID.randomUUID(), fall, "harbor", "warmline", "sp-rivera", at,
                Delivery.notConfigured())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fall(AlertKind.ITEM_MEAN_FELL, null, 4.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fall(AlertKind.TRUST_INDEX_BELOW_FLOOR, null, 4.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Fall.Figures figures(Long responses, Double values, Double trust, Map<String, Fall.ItemMean> items) {
        return new Fall.Figures(responses, values, trust, items);
    }
}
