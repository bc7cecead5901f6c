package org.peerpulse.indicators.agencies.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.AgencySettingsChanged.Settings;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.platform.agencies.AgencyDirectory;

/**
 * The agencies' settings follow the platform's directory (the real one, fed as its follower feeds it): the
 * golden snapshot becomes what the indicators read, a newer one replaces it at once, and a snapshot that
 * breaks a rule never loosens what the agency had.
 */
class DirectoryAgenciesTest {

    private final AgencyDirectory directory = new AgencyDirectory();
    private final DirectoryAgencies agencies = new DirectoryAgencies(directory);

    @Test
    void anAgencyThatNeverSetAnythingGetsTheDefaults() {
        assertThat(agencies.of("sunrise")).isEqualTo(AgencySettings.DEFAULTS);
        assertThat(AgencySettings.DEFAULTS.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(AgencySettings.DEFAULTS.dashboards().k()).isEqualTo(5);
        assertThat(AgencySettings.DEFAULTS.exports().k()).isEqualTo(11);
        assertThat(AgencySettings.DEFAULTS.valuesIndexFloor()).isNull();
        assertThat(AgencySettings.DEFAULTS.trustIndexFloor()).isNull();
        assertThat(AgencySettings.DEFAULTS.part2Programs()).isEmpty();
    }

    @Test
    void theGoldenSnapshotIsWhatTheIndicatorsRead() {
        directory.accept(GoldenSamples.AGENCY_SETTINGS_CHANGED);

        assertThat(agencies.of("harbor")).isEqualTo(new AgencySettings(ZoneId.of("America/New_York"),
                new SmallCellRule(5), new SmallCellRule(11), Set.of("drop-in"), 60.0, null,
                "https://hooks.harbor.example/peerpulse"));
        assertThat(agencies.of("harbor").isPart2("drop-in")).isTrue();
        assertThat(agencies.of("sunrise")).isEqualTo(AgencySettings.DEFAULTS);
    }

    @Test
    void aNewerSnapshotTakesEffectAtOnceAndALateOlderOneChangesNothing() {
        assertThat(agencies.of("harbor").dashboards().k()).isEqualTo(5);

        directory.accept(snapshot("harbor", 2, settings("Pacific/Honolulu", 3, 11)));
        assertThat(agencies.of("harbor").dashboards().k()).isEqualTo(3);
        assertThat(agencies.of("harbor").zone()).isEqualTo(ZoneId.of("Pacific/Honolulu"));

        directory.accept(snapshot("harbor", 1, settings("UTC", 8, 11)));
        assertThat(agencies.of("harbor").dashboards().k()).isEqualTo(3);
    }

    @Test
    void snapshotsTakenBeforeTheAgencyWasFirstAskedAboutAreFoundToo() {
        AgencyDirectory earlier = new AgencyDirectory();
        earlier.accept(snapshot("harbor", 4, settings("UTC", 7, 12)));

        assertThat(new DirectoryAgencies(earlier).of("harbor").dashboards().k()).isEqualTo(7);
    }

    @Test
    void aSnapshotThatBreaksARuleNeverLoosensWhatTheAgencyHad() {
        directory.accept(snapshot("harbor", 2, settings("UTC", 8, 12)));
        AgencySettings chosen = agencies.of("harbor");

        directory.accept(snapshot("harbor", 3, settings("UTC", 2, 11)));
        directory.accept(snapshot("harbor", 4, settings("UTC", 6, 5)));
        directory.accept(snapshot("harbor", 5, settings("Mars/Olympus_Mons", 5, 11)));

        assertThat(agencies.of("harbor")).isEqualTo(chosen);
        directory.accept(snapshot("tiny", 1, settings("UTC", 2, 11)));
        assertThat(agencies.of("tiny")).isEqualTo(AgencySettings.DEFAULTS);

        directory.accept(snapshot("harbor", 6, settings("UTC", 4, 11)));
        assertThat(agencies.of("harbor").dashboards().k()).isEqualTo(4);
    }

    @Test
    void whoeverMustLookAgainIsToldOfAChangeOnceItIsHeld() {
        List<String> told = new ArrayList<>();
        agencies.onChange(agency -> {
            assertThat(agencies.of(agency).dashboards().k()).isEqualTo(3);
            told.add(agency);
        });

        directory.accept(snapshot("harbor", 1, settings("UTC", 3, 11)));
        directory.accept(snapshot("harbor", 2, settings("UTC", 3, 11)));

        assertThat(told).as("a snapshot that says the same again changes nothing").containsExactly("harbor");
    }

    private static Settings settings(String zone, int k, int exportK) {
        Settings defaults = Settings.DEFAULTS;
        return new Settings(zone, k, exportK, null, null, List.of(), defaults.crisisLine(), defaults.formLanguages(),
                null, null, null);
    }

    private static AgencySettingsChanged snapshot(String agency, long version, Settings settings) {
        return new AgencySettingsChanged(UUID.randomUUID(), Instant.parse("2026-11-19T10:00:00Z"), agency, version,
                List.of(), List.of(), settings);
    }
}
