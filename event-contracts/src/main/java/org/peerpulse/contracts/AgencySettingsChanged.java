package org.peerpulse.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole directory and settings of one agency, after a quality lead changed any of it. It is published on
 * the compacted {@link Topics#AGENCIES} topic keyed by agency, so the latest one is all a reader needs: the
 * services read their settings from it and a change takes effect without a restart. It holds staff and
 * configuration only, never a participant.
 *
 * @param version counts the agency's changes from 1; a reader keeps the highest it has seen
 */
public record AgencySettingsChanged(
        UUID eventId,
        Instant occurredAt,
        String agencyId,
        long version,
        List<Program> programs,
        List<Specialist> specialists,
        Settings settings) implements PeerPulseEvent {

    public AgencySettingsChanged {
        PeerPulseEvent.requireIdentity(eventId, occurredAt, agencyId);
        programs = List.copyOf(programs == null ? List.of() : programs);
        specialists = List.copyOf(specialists == null ? List.of() : specialists);
        settings = settings == null ? Settings.DEFAULTS : settings;
    }

    /** A program of the agency; an inactive one keeps its history but takes no new sessions. */
    public record Program(String id, String name, boolean active) {
    }

    /** A peer specialist of the agency and the programs they work in. */
    public record Specialist(String id, String name, boolean active, List<String> programs) {

        public Specialist {
            programs = List.copyOf(programs == null ? List.of() : programs);
        }
    }

    /**
     * What the agency decided; an agency that never changed anything has {@link #DEFAULTS}.
     *
     * @param timeZone the IANA zone whose calendar decides the day, week and month a session counts in
     * @param minCellSize the smallest number of responses a dashboard statistic may rest on (at least 3)
     * @param exportMinCellSize the same for exports to funders, never below {@code minCellSize}
     * @param valuesIndexFloor a values index below this opens an alert; {@code null}: none does
     * @param trustIndexFloor a TRUST index below this opens an alert; {@code null}: none does
     * @param part2Programs programs under 42 CFR Part 2, kept out of every export
     * @param crisisLine by form language, the crisis line text the participant's form shows
     * @param formLanguages the languages the participant's form is offered in, the first being the default
     * @param valueItemsPerForm how many value items each form asks (rotation); {@code null}: all of them
     * @param alertWebhookUrl where new alerts are sent; {@code null}: nowhere
     * @param retention how long each kind of record is kept
     */
    public record Settings(
            String timeZone,
            int minCellSize,
            int exportMinCellSize,
            Double valuesIndexFloor,
            Double trustIndexFloor,
            List<String> part2Programs,
            Map<String, String> crisisLine,
            List<String> formLanguages,
            Integer valueItemsPerForm,
            String alertWebhookUrl,
            Retention retention) {

        public static final Settings DEFAULTS = new Settings("UTC", 5, 11, null, null, List.of(),
                Map.of("en", "If you are in crisis, call or text 988 (US).",
                        "es", "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.)."),
                List.of("en", "es"), null, null, Retention.DEFAULTS);

        public Settings {
            part2Programs = List.copyOf(part2Programs == null ? List.of() : part2Programs);
            crisisLine = Map.copyOf(crisisLine == null ? Map.of() : crisisLine);
            formLanguages = List.copyOf(formLanguages == null ? List.of() : formLanguages);
            retention = retention == null ? Retention.DEFAULTS : retention;
        }
    }

    /**
     * Retention periods in days; {@code null}: kept until erased. Counted indicators hold no participant data and
     * are not subject to them.
     */
    public record Retention(Integer sessionsDays, Integer answersDays, Integer commentsDays, Integer auditDays) {

        public static final Retention DEFAULTS = new Retention(null, null, null, null);
    }
}
