package org.peerpulse.feedback.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.feedback.domain.FormSettings;
import org.peerpulse.platform.agencies.AgencyDirectory;
import org.peerpulse.platform.messaging.EventCodec;

/**
 * Consumer side of the agencies contract: the golden AgencySettingsChanged, as the platform's directory holds
 * it, gives the participant form exactly these languages and crisis lines; an agency never seen gets the
 * defaults, and a later snapshot of the agency takes over.
 */
class AgencySettingsContractTest {

    private final AgencyDirectory directory = new AgencyDirectory();
    private final DirectoryAgencies agencies = new DirectoryAgencies(directory);

    @Test
    void theGoldenSettingsGiveTheFormItsLanguagesCrisisLinesAndValueItemsPerForm() {
        directory.accept((AgencySettingsChanged) new EventCodec().read(EventTypes.AGENCY_SETTINGS_CHANGED,
                GoldenSamples.json(AgencySettingsChanged.class)));

        assertThat(agencies.formSettingsOf("harbor")).isEqualTo(new FormSettings(List.of("en", "es"), Map.of(
                "en", "If you are in crisis, call or text 988 (US).",
                "es", "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.)."),
                GoldenSamples.AGENCY_SETTINGS_CHANGED.settings().valueItemsPerForm()));
        assertThat(agencies.formSettingsOf("harbor").valueItemsPerForm()).isEqualTo(8);
    }

    @Test
    void anAgencyNeverSeenHasTheDefaultsAndALaterSnapshotTakesOver() {
        assertThat(agencies.formSettingsOf("sunrise")).isEqualTo(FormSettings.DEFAULTS);
        AgencySettingsChanged golden = GoldenSamples.AGENCY_SETTINGS_CHANGED;
        AgencySettingsChanged.Settings settings = golden.settings();

        directory.accept(new AgencySettingsChanged(golden.eventId(), golden.occurredAt(), "sunrise",
                golden.version(), golden.programs(), golden.specialists(), new AgencySettingsChanged.Settings(
                        settings.timeZone(), settings.minCellSize(), settings.exportMinCellSize(),
                        settings.valuesIndexFloor(), settings.trustIndexFloor(), settings.part2Programs(),
                        Map.of("es", "Llama al 555-0100."), List.of("es"), settings.valueItemsPerForm(),
                        settings.alertWebhookUrl(), settings.retention())));

        FormSettings sunrise = agencies.formSettingsOf("sunrise");
        assertThat(sunrise.offeredAmong(List.of("en", "es"))).containsExactly("es");
        assertThat(sunrise.crisisLine("es")).isEqualTo("Llama al 555-0100.");
    }
}
