package org.peerpulse.platform.agencies;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.peerpulse.contracts.AgencySettingsChanged;

/**
 * The latest directory and settings of each agency. An agency that never changed anything has version 0,
 * no programs or specialists, and {@link AgencySettingsChanged.Settings#DEFAULTS}. A snapshot older than the
 * one held (a copy delivered late) changes nothing. Reading is a map lookup, cheap enough for every event.
 */
public class AgencyDirectory {

    private final Map<String, AgencySettingsChanged> latest = new ConcurrentHashMap<>();
    private final List<Consumer<AgencySettingsChanged>> listeners = new CopyOnWriteArrayList<>();

    public AgencySettingsChanged of(String agencyId) {
        AgencySettingsChanged known = latest.get(agencyId);
        return known != null ? known : unchanged(agencyId);
    }

    /** Tells {@code listener} of every snapshot that replaces the one held, after it is held. */
    public void onChange(Consumer<AgencySettingsChanged> listener) {
        listeners.add(listener);
    }

    /** Holds {@code snapshot} if it is newer than the one held; {@code true} if it did. */
    public boolean accept(AgencySettingsChanged snapshot) {
        boolean[] newer = new boolean[1];
        latest.compute(snapshot.agencyId(), (id, held) -> {
            newer[0] = held == null || snapshot.version() > held.version();
            return newer[0] ? snapshot : held;
        });
        if (newer[0]) {
            listeners.forEach(listener -> listener.accept(snapshot));
        }
        return newer[0];
    }

    private static AgencySettingsChanged unchanged(String agencyId) {
        return new AgencySettingsChanged(new UUID(0, 0), Instant.EPOCH, agencyId, 0, List.of(), List.of(),
                AgencySettingsChanged.Settings.DEFAULTS);
    }
}
