package org.peerpulse.indicators.agencies.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.indicators.agencies.domain.Agencies;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.platform.agencies.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies' settings from the platform's {@link AgencyDirectory}, which follows the compacted agencies
 * topic: each snapshot is turned into {@link AgencySettings} once, when the directory takes it, and held by
 * agency, so that counting's question for every event is one map lookup that allocates nothing (asking the
 * directory itself would build a default snapshot for every event of an agency that never set anything).
 *
 * <p>Snapshots reach this through {@link AgencyDirectory#onChange}, registered before the platform starts
 * reading the topic; an agency first asked about is read from the directory, and whichever of the two holds
 * the higher version wins, so a change is never lost to a race between them. A snapshot that breaks a rule
 * (a cell size below 3, an export k below the dashboards', an unknown zone, a floor outside 0..100) is not
 * taken: session-service refuses such settings, so it can only be a bug, and keeping what the agency had
 * (the defaults if nothing) never shows more than before. It is logged by agency and version only.
 *
 * <p>Whoever must look again when an agency's settings change is told its id after they are held, on the
 * platform's follower thread: a listener notes what to do and returns.
 */
final class DirectoryAgencies implements Agencies {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAgencies.class);

    private final AgencyDirectory directory;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    DirectoryAgencies(AgencyDirectory directory) {
        this.directory = directory;
        directory.onChange(this::changed);
    }

    @Override
    public AgencySettings of(String agencyId) {
        Held known = held.get(agencyId);
        if (known == null) {
            known = held.computeIfAbsent(agencyId, agency -> take(directory.of(agency), null));
        }
        return known.settings();
    }

    @Override
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void changed(AgencySettingsChanged snapshot) {
        Held before = held.get(snapshot.agencyId());
        Held now = held.compute(snapshot.agencyId(),
                (agency, known) -> known != null && known.version() >= snapshot.version() ? known
                        : take(snapshot, known));
        if (before == null || !before.settings().equals(now.settings())) {
            listeners.forEach(listener -> listener.accept(snapshot.agencyId()));
        }
    }

    private static Held take(AgencySettingsChanged snapshot, Held known) {
        try {
            return new Held(snapshot.version(), AgencySettings.of(snapshot.settings()));
        } catch (IllegalArgumentException e) {
            log.warn("settings of agency {} version {} break a rule and were not taken: {}", snapshot.agencyId(),
                    snapshot.version(), e.getMessage());
            return new Held(snapshot.version(), known == null ? AgencySettings.DEFAULTS : known.settings());
        }
    }

    /** An agency's settings and the version of the snapshot they came from (0: it never set any). */
    private record Held(long version, AgencySettings settings) {
    }
}
