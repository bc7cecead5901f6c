package org.peerpulse.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;

/**
 * An agency's form: offered in the languages it chose that the pages speak, its own default first, and a
 * crisis line on every page whatever the agency wrote or left out.
 */
class FormSettingsTest {

    private static final List<String> SPOKEN = List.of("en", "es");
    private static final String DEFAULT_EN = "If you are in crisis, call or text 988 (US).";
    private static final String DEFAULT_ES = "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.).";

    @Test
    void anAgencyThatNeverSetAnythingHasTheSuitesDefaults() {
        FormSettings defaults = FormSettings.of(AgencySettingsChanged.Settings.DEFAULTS);

        assertThat(defaults).isEqualTo(FormSettings.DEFAULTS);
        assertThat(defaults.offeredAmong(SPOKEN)).containsExactly("en", "es");
        assertThat(defaults.crisisLine("en")).isEqualTo(DEFAULT_EN);
        assertThat(defaults.crisisLine("es")).isEqualTo(DEFAULT_ES);
    }

    @Test
    void theFormIsOfferedInTheAgencysOrderAndOnlyInLanguagesThePagesSpeak() {
        FormSettings settings = new FormSettings(List.of("es-MX", "fr", "EN", "es"), Map.of());

        assertThat(settings.languages()).containsExactly("es", "fr", "en");
        assertThat(settings.offeredAmong(SPOKEN)).containsExactly("es", "en");
        assertThat(new FormSettings(List.of("fr"), Map.of()).offeredAmong(SPOKEN)).containsExactly("en");
    }

    @Test
    void noLanguagesChosenMeansTheDefaultLanguagesAndAFormHasAtLeastOne() {
        AgencySettingsChanged.Settings none = new AgencySettingsChanged.Settings("UTC", 5, 11, null, null, null,
                null, List.of(), null, null, null);

        assertThat(FormSettings.of(none).languages()).containsExactly("en", "es");
        assertThatThrownBy(() -> new FormSettings(List.of(" "), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCrisisLineIsTheAgencysInThePagesLanguageElseInItsDefaultLanguage() {
        FormSettings settings = new FormSettings(List.of("es", "en"),
                Map.of("ES", " Llama al 555-0100. ", "en", "Call 555-0100."));
        FormSettings spanishOnly = new FormSettings(List.of("es", "en"), Map.of("es", "Llama al 555-0100."));

        assertThat(settings.crisisLine("es")).isEqualTo("Llama al 555-0100.");
        assertThat(settings.crisisLine("en")).isEqualTo("Call 555-0100.");
        assertThat(spanishOnly.crisisLine("en")).isEqualTo("Llama al 555-0100.");
    }

    @Test
    void anAgencyThatWroteNoCrisisLineShowsTheDefaultsSoAPageNeverLacksOne() {
        FormSettings blank = new FormSettings(List.of("es", "en"), Map.of("es", "  ", "en", ""));

        assertThat(blank.crisisLines()).isEmpty();
        assertThat(blank.crisisLine("es")).isEqualTo(DEFAULT_ES);
        assertThat(blank.crisisLine("en")).isEqualTo(DEFAULT_EN);
        assertThat(blank.crisisLine("fr")).isEqualTo(DEFAULT_EN);
    }
}
