package org.peerpulse.session.domain;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.peerpulse.contracts.AgencySettingsChanged.Program;
import org.peerpulse.contracts.AgencySettingsChanged.Settings;
import org.peerpulse.contracts.AgencySettingsChanged.Specialist;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;

/**
 * One agency's directory (its programs and specialists) and its settings: the aggregate every change goes
 * through. Each change checks its rules and hands back the next version with the {@link AgencySettingsChanged}
 * snapshot to publish; an agency that never changed anything is version 0 with the default settings. It also
 * decides who a session may be attributed to.
 */
public record Directory(String agencyId, long version, List<Program> programs, List<Specialist> specialists,
        Settings settings) {

    /** Program and specialist ids: short, lower-case, URL-safe; a constant, so request annotations can name it. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";
    public static final String ID_MESSAGE = "must be 1-64 lower-case letters, digits or '-'";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    public static final int MAX_NAME_LENGTH = 100;
    /** The languages the participant's form is written in. */
    public static final Set<String> FORM_LANGUAGES = Set.of("en", "es");
    public static final int MAX_CRISIS_LINE_LENGTH = 300;
    public static final int LOWEST_MIN_CELL_SIZE = 3;

    public Directory {
        programs = List.copyOf(programs);
        specialists = List.copyOf(specialists);
    }

    /** Whether {@code id} has the shape of a program or specialist id. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static Directory empty(String agencyId) {
        return new Directory(agencyId, 0, List.of(), List.of(), Settings.DEFAULTS);
    }

    public Optional<Program> program(String id) {
        return programs.stream().filter(program -> program.id().equals(id)).findFirst();
    }

    public Optional<Specialist> specialist(String id) {
        return specialists.stream().filter(specialist -> specialist.id().equals(id)).findFirst();
    }

    /** The active programs {@code specialistId} works in, in directory order. */
    public List<Program> programsOf(String specialistId) {
        List<String> theirs = specialist(specialistId).map(Specialist::programs).orElse(List.of());
        return programs.stream().filter(program -> program.active() && theirs.contains(program.id())).toList();
    }

    public Changed addProgram(String id, String name, Instant now, UUID eventId) {
        requireId(id);
        if (program(id).isPresent()) {
            throw new DirectoryRefusedException("id", "is already a program of the agency");
        }
        List<Program> next = new ArrayList<>(programs);
        next.add(new Program(id, requireName(name), true));
        return next(next, specialists, settings, now, eventId);
    }

    public Changed changeProgram(String id, boolean active, Instant now, UUID eventId) {
        Program program = program(id).orElseThrow(() -> new NotInDirectoryException("program"));
        List<Program> next = programs.stream()
                .map(each -> each == program ? new Program(id, program.name(), active) : each)
                .toList();
        return next(next, specialists, settings, now, eventId);
    }

    public Changed addSpecialist(String id, String name, List<String> theirPrograms, Instant now, UUID eventId) {
        requireId(id);
        if (specialist(id).isPresent()) {
            throw new DirectoryRefusedException("id", "is already a specialist of the agency");
        }
        List<Specialist> next = new ArrayList<>(specialists);
        next.add(new Specialist(id, requireName(name), true, requirePrograms(theirPrograms)));
        return next(programs, next, settings, now, eventId);
    }

    /** Changes what is given ({@code null}: unchanged). */
    public Changed changeSpecialist(String id, Boolean active, List<String> theirPrograms, Instant now, UUID eventId) {
        Specialist specialist = specialist(id).orElseThrow(() -> new NotInDirectoryException("specialist"));
        Specialist changed = new Specialist(id, specialist.name(), active == null ? specialist.active() : active,
                theirPrograms == null ? specialist.programs() : requirePrograms(theirPrograms));
        List<Specialist> next = specialists.stream().map(each -> each == specialist ? changed : each).toList();
        return next(programs, next, settings, now, eventId);
    }

    /**
     * Replaces the settings after checking each. {@code plainHttpWebhooks} allows an {@code http} webhook, which
     * only the local stack does (its receiver runs on this machine).
     */
    public Changed changeSettings(Settings proposed, boolean plainHttpWebhooks, Instant now, UUID eventId) {
        try {
            ZoneId.of(proposed.timeZone() == null ? "" : proposed.timeZone());
        } catch (DateTimeException e) {
            throw new DirectoryRefusedException("timeZone", "is not a known IANA time zone, such as America/New_York");
        }
        if (proposed.minCellSize() < LOWEST_MIN_CELL_SIZE) {
            throw new DirectoryRefusedException("minCellSize", "must be at least " + LOWEST_MIN_CELL_SIZE);
        }
        if (proposed.exportMinCellSize() < proposed.minCellSize()) {
            throw new DirectoryRefusedException("exportMinCellSize", "must be at least minCellSize");
        }
        requireIndex(proposed.valuesIndexFloor(), "valuesIndexFloor");
        requireIndex(proposed.trustIndexFloor(), "trustIndexFloor");
        for (String program : proposed.part2Programs()) {
            if (program(program).isEmpty()) {
                throw new DirectoryRefusedException("part2Programs", "names a program the agency does not have");
            }
        }
        if (proposed.formLanguages().isEmpty() || !FORM_LANGUAGES.containsAll(proposed.formLanguages())
                || new HashSet<>(proposed.formLanguages()).size() != proposed.formLanguages().size()) {
            throw new DirectoryRefusedException("formLanguages", "must list some of " + FORM_LANGUAGES + ", once each");
        }
        for (Map.Entry<String, String> line : proposed.crisisLine().entrySet()) {
            if (!proposed.formLanguages().contains(line.getKey())) {
                throw new DirectoryRefusedException("crisisLine", "has a language the form is not offered in");
            }
            if (line.getValue() == null || line.getValue().isBlank()
                    || line.getValue().length() > MAX_CRISIS_LINE_LENGTH) {
                throw new DirectoryRefusedException("crisisLine",
                        "each text must be 1-" + MAX_CRISIS_LINE_LENGTH + " characters");
            }
        }
        if (!proposed.crisisLine().keySet().containsAll(proposed.formLanguages())) {
            throw new DirectoryRefusedException("crisisLine", "needs a text for every form language");
        }
        int valueItems = Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.VALUE).size();
        if (proposed.valueItemsPerForm() != null
                && (proposed.valueItemsPerForm() < 1 || proposed.valueItemsPerForm() > valueItems)) {
            throw new DirectoryRefusedException("valueItemsPerForm", "must be between 1 and " + valueItems);
        }
        requireWebhook(proposed.alertWebhookUrl(), plainHttpWebhooks);
        AgencySettingsChanged.Retention retention = proposed.retention();
        for (Integer days : new Integer[] { retention.sessionsDays(), retention.answersDays(),
                retention.commentsDays(), retention.auditDays() }) {
            if (days != null && (days < 1 || days > 36_500)) {
                throw new DirectoryRefusedException("retention", "periods are 1-36500 days, or null to keep");
            }
        }
        return next(programs, specialists, proposed, now, eventId);
    }

    /**
     * Who a session is attributed to, and in which program: the specialist must be an active specialist of the
     * agency and the program an active program of the agency they work in.
     *
     * @throws DirectoryRefusedException naming the field that does not hold
     */
    public void attribute(String specialistId, String programId) {
        if (specialist(specialistId).filter(Specialist::active).isEmpty()) {
            throw new DirectoryRefusedException("specialistId", "is not an active specialist of the agency");
        }
        if (program(programId).filter(Program::active).isEmpty()) {
            throw new DirectoryRefusedException("programId", "is not an active program of the agency");
        }
        if (!specialist(specialistId).orElseThrow().programs().contains(programId)) {
            throw new DirectoryRefusedException("programId", "is not a program this specialist works in");
        }
    }

    /** The snapshot published for this version. */
    public AgencySettingsChanged snapshot(Instant now, UUID eventId) {
        return new AgencySettingsChanged(eventId, now, agencyId, version, programs, specialists, settings);
    }

    private Changed next(List<Program> nextPrograms, List<Specialist> nextSpecialists, Settings nextSettings,
            Instant now, UUID eventId) {
        Directory next = new Directory(agencyId, version + 1, nextPrograms, nextSpecialists, nextSettings);
        return new Changed(next, next.snapshot(now, eventId));
    }

    private List<String> requirePrograms(List<String> theirPrograms) {
        List<String> checked = theirPrograms == null ? List.of() : List.copyOf(theirPrograms);
        for (String program : checked) {
            if (program(program).isEmpty()) {
                throw new DirectoryRefusedException("programs", "names a program the agency does not have");
            }
        }
        if (new HashSet<>(checked).size() != checked.size()) {
            throw new DirectoryRefusedException("programs", "names a program twice");
        }
        return checked;
    }

    private static void requireId(String id) {
        if (!isId(id)) {
            throw new DirectoryRefusedException("id", ID_MESSAGE);
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new DirectoryRefusedException("name", "must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    private static void requireIndex(Double floor, String field) {
        if (floor != null && (floor < 0 || floor > 100)) {
            throw new DirectoryRefusedException(field, "is an index between 0 and 100");
        }
    }

    private static void requireWebhook(String url, boolean plainHttpWebhooks) {
        if (url == null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DirectoryRefusedException("alertWebhookUrl", "is not a URL");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean allowedHttp = plainHttpWebhooks && "http".equals(uri.getScheme());
        if ((!https && !allowedHttp) || uri.getHost() == null || uri.getUserInfo() != null || url.length() > 500) {
            throw new DirectoryRefusedException("alertWebhookUrl", "must be an https URL");
        }
    }

    /** A directory just changed and the snapshot that says so. */
    public record Changed(Directory directory, AgencySettingsChanged event) {
    }
}
