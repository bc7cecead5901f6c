package org.peerpulse.session.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.Directory;

/**
 * Keeps each agency's directory as the real adapter would: a change lands only on the version it was made from,
 * with its snapshot, in one write.
 */
final class InMemoryDirectories implements Directories {

    private final Map<String, Directory> stored = new HashMap<>();
    final List<AgencySettingsChanged> published = new ArrayList<>();
    /** Set to simulate another lead's change landing between the read and the guarded write. */
    Runnable beforeSave = () -> { };

    /**
     * Adds {@code program} (if missing) and each specialist (if missing) working in it, one change at a time as a
     * quality lead would.
     */
    synchronized InMemoryDirectories staff(String agencyId, String program, String... specialists) {
        Instant now = Instant.parse("2026-11-01T09:00:00Z");
        if (of(agencyId).program(program).isEmpty()) {
            save(of(agencyId).addProgram(program, "Program " + program, now, UUID.randomUUID()));
        }
        for (String specialist : specialists) {
            if (of(agencyId).specialist(specialist).isEmpty()) {
                save(of(agencyId).addSpecialist(specialist, "Specialist " + specialist, List.of(program), now,
                        UUID.randomUUID()));
            }
        }
        return this;
    }

    @Override
    public synchronized Directory of(String agencyId) {
        return stored.getOrDefault(agencyId, Directory.empty(agencyId));
    }

    @Override
    public synchronized boolean save(Directory.Changed changed) {
        Runnable concurrent = beforeSave;
        beforeSave = () -> { };
        concurrent.run();
        Directory next = changed.directory();
        if (of(next.agencyId()).version() != next.version() - 1) {
            return false;
        }
        stored.put(next.agencyId(), next);
        published.add(changed.event());
        return true;
    }
}
