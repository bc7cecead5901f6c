package org.peerpulse.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.AgencySettingsChanged.Program;
import org.peerpulse.contracts.AgencySettingsChanged.Retention;
import org.peerpulse.contracts.AgencySettingsChanged.Settings;
import org.peerpulse.contracts.AgencySettingsChanged.Specialist;

/** The directory's rules: what a quality lead may change, what settings hold, and who a session may name. */
class DirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-19T10:00:00Z");

    /** Harbor with two programs (drop-in closed) and two specialists (Ben gone). */
    private final Directory harbor = Directory.empty("harbor")
            .addProgram("warmline", "Warm line", NOW, UUID.randomUUID()).directory()
            .addProgram("drop-in", "Drop-in center", NOW, UUID.randomUUID()).directory()
            .addSpecialist("sp-rivera", "Ana Rivera", List.of("warmline", "drop-in"), NOW, UUID.randomUUID())
            .directory()
            .addSpecialist("sp-carter", "Ben Carter", List.of("warmline"), NOW, UUID.randomUUID()).directory()
            .addSpecialist("sp-okafor", "Chi Okafor", List.of("drop-in"), NOW, UUID.randomUUID()).directory()
            .changeProgram("drop-in", false, NOW, UUID.randomUUID()).directory()
            .changeSpecialist("sp-carter", false, null, NOW, UUID.randomUUID()).directory();

    @Test
    void anAgencyThatNeverChangedAnythingIsVersionZeroWithTheDefaults() {
        Directory empty = Directory.empty("sunrise");

        assertThat(empty.version()).isZero();
        assertThat(empty.programs()).isEmpty();
        assertThat(empty.specialists()).isEmpty();
        assertThat(empty.settings()).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void everyChangeIsTheNextVersionAndHandsBackTheWholeSnapshot() {
        UUID eventId = UUID.randomUUID();

        Directory.Changed changed = harbor.addProgram("peer-run-respite", " Peer-run respite ", NOW, eventId);

        assertThat(harbor.version()).isEqualTo(7);
        assertThat(changed.directory().version()).isEqualTo(8);
        assertThat(changed.directory().program("peer-run-respite"))
                .contains(new Program("peer-run-respite", "Peer-run respite", true));
        assertThat(changed.event()).isEqualTo(new AgencySettingsChanged(eventId, NOW, "harbor", 8,
                changed.directory().programs(), harbor.specialists(), harbor.settings()));
        assertThat(harbor.program("peer-run-respite")).isEmpty();
    }

    @Test
    void programAndSpecialistIdsAreUniqueWithinTheAgency() {
        assertRefused(() -> harbor.addProgram("warmline", "Another warm line", NOW, UUID.randomUUID()), "id");
        assertRefused(() -> harbor.addProgram("drop-in", "Reopened", NOW, UUID.randomUUID()), "id");
        assertRefused(() -> harbor.addSpecialist("sp-rivera", "Ana R.", List.of(), NOW, UUID.randomUUID()), "id");
        assertRefused(() -> harbor.addSpecialist("sp-carter", "Ben again", List.of(), NOW, UUID.randomUUID()), "id");
        // Another agency may use the same ids.
        assertThat(Directory.empty("sunrise").addProgram("warmline", "Warm line", NOW, UUID.randomUUID())
                .directory().program("warmline")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Warmline", "warm line", "-warmline", "warm_line", "w/x"})
    void idsAreShortLowerCaseAndUrlSafe(String id) {
        assertRefused(() -> harbor.addProgram(id, "A program", NOW, UUID.randomUUID()), "id");
        assertRefused(() -> harbor.addSpecialist(id, "A specialist", List.of(), NOW, UUID.randomUUID()), "id");
    }

    @Test
    void namesAreOneToAHundredCharacters() {
        assertRefused(() -> harbor.addProgram("respite", " ", NOW, UUID.randomUUID()), "name");
        assertRefused(() -> harbor.addProgram("respite", "x".repeat(101), NOW, UUID.randomUUID()), "name");
        assertRefused(() -> harbor.addSpecialist("sp-new", null, List.of(), NOW, UUID.randomUUID()), "name");
        assertThat(harbor.addProgram("respite", "x".repeat(100), NOW, UUID.randomUUID()).directory()
                .program("respite")).isPresent();
    }

    @Test
    void aSpecialistWorksOnlyInProgramsTheAgencyHasEachNamedOnce() {
        assertRefused(() -> harbor.addSpecialist("sp-new", "New", List.of("warmline", "nowhere"), NOW,
                UUID.randomUUID()), "programs");
        assertRefused(() -> harbor.addSpecialist("sp-new", "New", List.of("warmline", "warmline"), NOW,
                UUID.randomUUID()), "programs");
        assertRefused(() -> harbor.changeSpecialist("sp-rivera", null, List.of("nowhere"), NOW, UUID.randomUUID()),
                "programs");
        assertThat(harbor.addSpecialist("sp-new", "New", null, NOW, UUID.randomUUID()).directory()
                .specialist("sp-new")).contains(new Specialist("sp-new", "New", true, List.of()));
    }

    @Test
    void aChangeNamesAProgramOrSpecialistTheAgencyHasAndLeavesWhatItDoesNotSay() {
        assertThatThrownBy(() -> harbor.changeProgram("nowhere", false, NOW, UUID.randomUUID()))
                .isInstanceOf(NotInDirectoryException.class);
        assertThatThrownBy(() -> harbor.changeSpecialist("sp-nobody", true, null, NOW, UUID.randomUUID()))
                .isInstanceOf(NotInDirectoryException.class);

        Directory moved = harbor.changeSpecialist("sp-rivera", null, List.of("warmline"), NOW, UUID.randomUUID())
                .directory();
        assertThat(moved.specialist("sp-rivera")).contains(new Specialist("sp-rivera", "Ana Rivera", true,
                List.of("warmline")));
        Directory back = harbor.changeSpecialist("sp-carter", true, null, NOW, UUID.randomUUID()).directory();
        assertThat(back.specialist("sp-carter")).contains(new Specialist("sp-carter", "Ben Carter", true,
                List.of("warmline")));
        assertThat(harbor.changeProgram("drop-in", true, NOW, UUID.randomUUID()).directory().program("drop-in"))
                .contains(new Program("drop-in", "Drop-in center", true));
        assertThat(harbor.programsOf("sp-rivera")).extracting(Program::id).containsExactly("warmline");
    }

    @Test
    void aSessionIsAttributedOnlyToAnActiveSpecialistInAnActiveProgramTheyWorkIn() {
        harbor.attribute("sp-rivera", "warmline");

        assertRefused(() -> harbor.attribute("sp-nobody", "warmline"), "specialistId");
        assertRefused(() -> harbor.attribute("sp-carter", "warmline"), "specialistId");
        assertRefused(() -> harbor.attribute("sp-rivera", "nowhere"), "programId");
        assertRefused(() -> harbor.attribute("sp-rivera", "drop-in"), "programId");
        assertRefused(() -> harbor.attribute("sp-okafor", "warmline"), "programId");
        assertRefused(() -> Directory.empty("sunrise").attribute("sp-rivera", "warmline"), "specialistId");
    }

    @Test
    void validSettingsReplaceAllOfThemInTheNextVersion() {
        Settings proposed = settings(s -> s);

        Directory.Changed changed = harbor.changeSettings(proposed, false, NOW, UUID.randomUUID());

        assertThat(changed.directory().settings()).isEqualTo(proposed);
        assertThat(changed.directory().version()).isEqualTo(harbor.version() + 1);
        assertThat(changed.directory().programs()).isEqualTo(harbor.programs());
        assertThat(changed.event().settings()).isEqualTo(proposed);
        assertThat(harbor.changeSettings(Settings.DEFAULTS, false, NOW, UUID.randomUUID()).directory().settings())
                .isEqualTo(Settings.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "", "EST5EDT/x", "../../etc/passwd"})
    void theTimeZoneIsAKnownOne(String zone) {
        assertRefused(() -> change(s -> new Settings(zone, s.minCellSize(), s.exportMinCellSize(),
                s.valuesIndexFloor(), s.trustIndexFloor(), s.part2Programs(), s.crisisLine(), s.formLanguages(),
                s.valueItemsPerForm(), s.alertWebhookUrl(), s.retention())), "timeZone");
        assertRefused(() -> change(s -> new Settings(null, s.minCellSize(), s.exportMinCellSize(),
                s.valuesIndexFloor(), s.trustIndexFloor(), s.part2Programs(), s.crisisLine(), s.formLanguages(),
                s.valueItemsPerForm(), s.alertWebhookUrl(), s.retention())), "timeZone");
    }

    @Test
    void noCellIsSmallerThanThreeAndExportsNeverSmallerThanDashboards() {
        assertRefused(() -> change(s -> cells(s, 2, 11)), "minCellSize");
        assertRefused(() -> change(s -> cells(s, 0, 11)), "minCellSize");
        assertRefused(() -> change(s -> cells(s, 6, 5)), "exportMinCellSize");
        assertThat(change(s -> cells(s, 3, 3)).directory().settings().minCellSize()).isEqualTo(3);
    }

    @Test
    void theAlertWebhookIsHttpsUnlessTheDeploymentAllowsPlainHttp() {
        assertRefused(() -> change(s -> webhook(s, "http://hooks.harbor.example/peerpulse")), "alertWebhookUrl");
        assertRefused(() -> change(s -> webhook(s, "ftp://hooks.harbor.example/peerpulse")), "alertWebhookUrl");
        assertRefused(() -> change(s -> webhook(s, "https://user:secret@hooks.harbor.example/")), "alertWebhookUrl");
        assertRefused(() -> change(s -> webhook(s, "https:///no-host")), "alertWebhookUrl");
        assertRefused(() -> change(s -> webhook(s, "not a url")), "alertWebhookUrl");
        assertRefused(() -> change(s -> webhook(s, "https://hooks.harbor.example/" + "x".repeat(480))),
                "alertWebhookUrl");

        assertThat(change(s -> webhook(s, "https://hooks.harbor.example/peerpulse")).directory().settings()
                .alertWebhookUrl()).isEqualTo("https://hooks.harbor.example/peerpulse");
        assertThat(harbor.changeSettings(webhook(settings(s -> s), "http://127.0.0.1:9999/alerts"), true, NOW,
                UUID.randomUUID()).directory().settings().alertWebhookUrl()).isEqualTo("http://127.0.0.1:9999/alerts");
        assertThat(change(s -> webhook(s, null)).directory().settings().alertWebhookUrl()).isNull();
    }

    @Test
    void everyFormLanguageHasItsCrisisLineAndNoOtherLanguageDoes() {
        assertRefused(() -> change(s -> languages(s, List.of("en", "es"), Map.of("en", "Call 988."))),
                "crisisLine");
        assertRefused(() -> change(s -> languages(s, List.of("en"), Map.of("en", "Call 988.", "es", "Llama al 988."))),
                "crisisLine");
        assertRefused(() -> change(s -> languages(s, List.of("en"), Map.of("en", " "))), "crisisLine");
        assertRefused(() -> change(s -> languages(s, List.of("en"), Map.of("en", "x".repeat(301)))), "crisisLine");
        assertRefused(() -> change(s -> languages(s, List.of("fr"), Map.of("fr", "Appelez le 988."))),
                "formLanguages");
        assertRefused(() -> change(s -> languages(s, List.of("en", "en"), Map.of("en", "Call 988."))),
                "formLanguages");
        assertRefused(() -> change(s -> languages(s, List.of(), Map.of())), "formLanguages");

        Settings spanishFirst = change(s -> languages(s, List.of("es"), Map.of("es", "Llama al 988.")))
                .directory().settings();
        assertThat(spanishFirst.formLanguages()).containsExactly("es");
        assertThat(spanishFirst.crisisLine()).isEqualTo(Map.of("es", "Llama al 988."));
    }

    @Test
    void aFormAsksBetweenOneAndAllEightValueItems() {
        assertRefused(() -> change(s -> valueItems(s, 0)), "valueItemsPerForm");
        assertRefused(() -> change(s -> valueItems(s, 9)), "valueItemsPerForm");
        assertThat(change(s -> valueItems(s, 1)).directory().settings().valueItemsPerForm()).isEqualTo(1);
        assertThat(change(s -> valueItems(s, 8)).directory().settings().valueItemsPerForm()).isEqualTo(8);
        assertThat(change(s -> valueItems(s, null)).directory().settings().valueItemsPerForm()).isNull();
    }

    @Test
    void partTwoProgramsAreProgramsOfTheAgency() {
        assertRefused(() -> change(s -> partTwo(s, List.of("warmline", "nowhere"))), "part2Programs");
        assertRefused(() -> Directory.empty("sunrise").changeSettings(partTwo(settings(s -> s), List.of("warmline")),
                false, NOW, UUID.randomUUID()), "part2Programs");
        // A closed program keeps its history, which is what Part 2 protects.
        assertThat(change(s -> partTwo(s, List.of("drop-in"))).directory().settings().part2Programs())
                .containsExactly("drop-in");
    }

    @Test
    void indexFloorsAreIndicesAndRetentionPeriodsArePositive() {
        assertRefused(() -> change(s -> floors(s, -0.1, null)), "valuesIndexFloor");
        assertRefused(() -> change(s -> floors(s, null, 100.5)), "trustIndexFloor");
        assertThat(change(s -> floors(s, 0.0, 100.0)).directory().settings().trustIndexFloor()).isEqualTo(100.0);
        assertRefused(() -> change(s -> retention(s, new Retention(0, null, null, null))), "retention");
        assertRefused(() -> change(s -> retention(s, new Retention(null, null, null, 36_501))), "retention");
        assertThat(change(s -> retention(s, new Retention(1, 36_500, null, 365))).directory().settings().retention())
                .isEqualTo(new Retention(1, 36_500, null, 365));
    }

    private Directory.Changed change(UnaryOperator<Settings> edit) {
        return harbor.changeSettings(settings(edit), false, NOW, UUID.randomUUID());
    }

    /** The golden sample's settings, as a lead would send them, edited. */
    private static Settings settings(UnaryOperator<Settings> edit) {
        return edit.apply(new Settings("America/New_York", 5, 11, 60.0, null, List.of("drop-in"),
                Map.of("en", "If you are in crisis, call or text 988 (US).",
                        "es", "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.)."),
                List.of("en", "es"), 8, "https://hooks.harbor.example/peerpulse", new Retention(2555, 2555, 365, 2555)));
    }

    private static Settings cells(Settings s, int min, int export) {
        return new Settings(s.timeZone(), min, export, s.valuesIndexFloor(), s.trustIndexFloor(), s.part2Programs(),
                s.crisisLine(), s.formLanguages(), s.valueItemsPerForm(), s.alertWebhookUrl(), s.retention());
    }

    private static Settings webhook(Settings s, String url) {
        return new Settings(s.timeZone(), s.minCellSize(), s.exportMinCellSize(), s.valuesIndexFloor(),
                s.trustIndexFloor(), s.part2Programs(), s.crisisLine(), s.formLanguages(), s.valueItemsPerForm(), url,
                s.retention());
    }

    private static Settings languages(Settings s, List<String> languages, Map<String, String> crisisLine) {
        return new Settings(s.timeZone(), s.minCellSize(), s.exportMinCellSize(), s.valuesIndexFloor(),
                s.trustIndexFloor(), s.part2Programs(), new HashMap<>(crisisLine), languages, s.valueItemsPerForm(),
                s.alertWebhookUrl(), s.retention());
    }

    private static Settings valueItems(Settings s, Integer perForm) {
        return new Settings(s.timeZone(), s.minCellSize(), s.exportMinCellSize(), s.valuesIndexFloor(),
                s.trustIndexFloor(), s.part2Programs(), s.crisisLine(), s.formLanguages(), perForm,
                s.alertWebhookUrl(), s.retention());
    }

    private static Settings partTwo(Settings s, List<String> programs) {
        return new Settings(s.timeZone(), s.minCellSize(), s.exportMinCellSize(), s.valuesIndexFloor(),
                s.trustIndexFloor(), programs, s.crisisLine(), s.formLanguages(), s.valueItemsPerForm(),
                s.alertWebhookUrl(), s.retention());
    }

    private static Settings floors(Settings s, Double values, Double trust) {
        return new Settings(s.timeZone(), s.minCellSize(), s.exportMinCellSize(), values, trust, s.part2Programs(),
                s.crisisLine(), s.formLanguages(), s.valueItemsPerForm(), s.alertWebhookUrl(), s.retention());
    }

    private static Settings retention(Settings s, Retention retention) {
        return new Settings(s.timeZone(), s.minCellSize(), s.exportMinCellSize(), s.valuesIndexFloor(),
                s.trustIndexFloor(), s.part2Programs(), s.crisisLine(), s.formLanguages(), s.valueItemsPerForm(),
                s.alertWebhookUrl(), retention);
    }

    private static void assertRefused(ThrowingCallable change, String field) {
        assertThatThrownBy(change).isInstanceOfSatisfying(DirectoryRefusedException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
