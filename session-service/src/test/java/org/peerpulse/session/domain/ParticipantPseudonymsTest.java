package org.peerpulse.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParticipantPseudonymsTest {

    private final ParticipantPseudonyms pseudonyms =
            new ParticipantPseudonyms("a-deployment-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameReferenceGivesTheSamePseudonymWithinAnAgency() {
        assertThat(pseudonyms.pseudonymFor("harbor", "client-0042"))
                .isEqualTo(pseudonyms.pseudonymFor("harbor", "client-0042"))
                .matches("[0-9a-f]{64}")
                .doesNotContain("0042");
    }

    @Test
    void agenciesAndKeysSeparatePseudonyms() {
        ParticipantPseudonyms otherDeployment =
                new ParticipantPseudonyms("another-deployment-secret-entirely".getBytes(StandardCharsets.UTF_8));
        String harbor = pseudonyms.pseudonymFor("harbor", "client-0042");
        assertThat(pseudonyms.pseudonymFor("sunrise", "client-0042")).isNotEqualTo(harbor);
        assertThat(otherDeployment.pseudonymFor("harbor", "client-0042")).isNotEqualTo(harbor);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new ParticipantPseudonyms("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
