package org.peerpulse.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.AgencySettingsChanged.Settings;
import org.peerpulse.session.domain.Directory;
import org.peerpulse.session.domain.DirectoryRefusedException;

/** A lead's directory and settings changes: each stored with its snapshot, a refused one changes nothing. */
class ChangeDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-19T10:00:00.123456Z");

    private final InMemoryDirectories directories = new InMemoryDirectories();
    private final LogSessionTest.MutableClock clock = new LogSessionTest.MutableClock(NOW);
    private final ChangeDirectory changeDirectory = new ChangeDirectory(directories, clock);
    private final ChangeSettings changeSettings = new ChangeSettings(directories, clock, false);
    private final ReadDirectory readDirectory = new ReadDirectory(directories);

    @Test
    void eachChangeIsStoredWithTheSnapshotThatPublishesIt() {
        changeDirectory.change(new DirectoryCommand.AddProgram("harbor", "warmline", "Warm line"));
        changeDirectory.change(new DirectoryCommand.AddSpecialist("harbor", "sp-rivera", "Ana Rivera",
                List.of("warmline")));
        Directory now = changeDirectory.change(new DirectoryCommand.ChangeSpecialist("harbor", "sp-rivera", false,
                null));

        assertThat(readDirectory.read("harbor")).isEqualTo(now);
        assertThat(now.version()).isEqualTo(3);
        assertThat(directories.published).extracting(AgencySettingsChanged::version).containsExactly(1L, 2L, 3L);
        AgencySettingsChanged last = directories.published.get(2);
        assertThat(last.agencyId()).isEqualTo("harbor");
        assertThat(last.occurredAt()).isEqualTo(Instant.parse("2026-11-19T10:00:00.123Z"));
        assertThat(last.eventId().version()).isEqualTo(7);
        assertThat(last.specialists()).containsExactly(new AgencySettingsChanged.Specialist("sp-rivera", "Ana Rivera",
                false, List.of("warmline")));
        assertThat(readDirectory.read("sunrise")).isEqualTo(Directory.empty("sunrise"));
    }

    @Test
    void aRefusedChangeStoresAndPublishesNothing() {
        changeDirectory.change(new DirectoryCommand.AddProgram("harbor", "warmline", "Warm line"));

        assertThatThrownBy(() -> changeDirectory.change(new DirectoryCommand.AddProgram("harbor", "warmline",
                "Again"))).isInstanceOf(DirectoryRefusedException.class);
        Settings http = new Settings("UTC", 5, 11, null, null, List.of(), Settings.DEFAULTS.crisisLine(),
                List.of("en", "es"), null, "http://hooks.harbor.example/alerts", null);
        assertThatThrownBy(() -> changeSettings.change(new ChangeSettings.Command("harbor", http)))
                .isInstanceOfSatisfying(DirectoryRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("alertWebhookUrl"));

        assertThat(readDirectory.read("harbor").version()).isEqualTo(1);
        assertThat(readDirectory.read("harbor").settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(directories.published).hasSize(1);
        // Only where the deployment allows it (the local stack) is a plain http webhook taken.
        assertThat(new ChangeSettings(directories, clock, true).change(new ChangeSettings.Command("harbor", http))
                .settings().alertWebhookUrl()).isEqualTo("http://hooks.harbor.example/alerts");
    }

    @Test
    void aChangeThatLosesTheRaceIsDecidedAgainOnWhatTheOtherLeft() {
        changeDirectory.change(new DirectoryCommand.AddProgram("harbor", "warmline", "Warm line"));
        directories.beforeSave = () -> directories.save(directories.of("harbor").addProgram("drop-in",
                "Drop-in center", NOW, UUID.randomUUID()));

        Directory after = changeDirectory.change(new DirectoryCommand.AddSpecialist("harbor", "sp-rivera",
                "Ana Rivera", List.of("warmline")));

        assertThat(after.version()).isEqualTo(3);
        assertThat(after.programs()).extracting(AgencySettingsChanged.Program::id).containsExactly("warmline",
                "drop-in");
        assertThat(after.specialist("sp-rivera").orElseThrow().programs()).containsExactly("warmline");
        assertThat(directories.published).extracting(AgencySettingsChanged::version).containsExactly(1L, 2L, 3L);
    }
}
