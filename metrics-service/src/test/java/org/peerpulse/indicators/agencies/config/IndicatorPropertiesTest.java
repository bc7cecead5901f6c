package org.peerpulse.indicators.agencies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A cell size below 3 could single out a participant: it is refused, naming the property to fix. */
class IndicatorPropertiesTest {

    @Test
    void aDefaultCellSizeOfTwoIsRefusedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IndicatorProperties(2, null, null, null, null).agencySettings())
                .withMessage("peerpulse.indicators.min-cell-size must be at least 3");
    }

    @Test
    void anAgencyCellSizeOfTwoIsRefusedByName() {
        IndicatorProperties properties = new IndicatorProperties(null, null, null, null,
                Map.of("tiny", new IndicatorProperties.Agency(null, null, 2, null, null, null)));

        assertThatIllegalArgumentException().isThrownBy(properties::agencySettings)
                .withMessage("peerpulse.indicators.agencies.tiny.export-min-cell-size must be at least 3");
    }

    @Test
    void anAgencyMayChooseThreeOnItsDashboardsAndKeepsTheDefaultsElsewhere() {
        IndicatorProperties properties = new IndicatorProperties(null, null, null, null,
                Map.of("tiny", new IndicatorProperties.Agency(null, 3, null, null, null, null)));

        assertThat(properties.agencySettings().of("tiny").dashboards().k()).isEqualTo(3);
        assertThat(properties.agencySettings().of("tiny").exports().k()).isEqualTo(11);
        assertThat(properties.agencySettings().of("harbor").dashboards().k()).isEqualTo(5);
    }
}
