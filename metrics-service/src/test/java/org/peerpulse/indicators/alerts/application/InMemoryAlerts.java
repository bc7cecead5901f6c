package org.peerpulse.indicators.alerts.application;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.AlertState;
import org.peerpulse.indicators.alerts.domain.Alerts;

/** The alerts in a map, with the same "no repeat" rules as the MongoDB adapter; single-threaded tests only. */
class InMemoryAlerts implements Alerts {

    private final Map<UUID, Alert> alerts = new LinkedHashMap<>();

    @Override
    public boolean open(Alert alert) {
        boolean repeated = alerts.containsKey(alert.id()) || (alert.kind().isIndexFloor() && alerts.values().stream()
                .anyMatch(other -> other.kind() == alert.kind() && other.state().isActive()
                        && other.agencyId().equals(alert.agencyId())
                        && Objects.equals(other.programId(), alert.programId())));
        if (!repeated) {
            alerts.put(alert.id(), alert);
        }
        return !repeated;
    }

    @Override
    public Optional<Alert> find(String agencyId, UUID id) {
        return Optional.ofNullable(alerts.get(id)).filter(alert -> alert.agencyId().equals(agencyId));
    }

    @Override
    public Optional<Alert> change(Alert changed, AlertState expected) {
        Alert stored = alerts.get(changed.id());
        if (stored == null || stored.state() != expected) {
            return Optional.empty();
        }
        alerts.put(changed.id(), changed);
        return Optional.of(changed);
    }

    @Override
    public List<Alert> list(String agencyId, AlertState state, int skip, int limit) {
        return alerts.values().stream()
                .filter(alert -> alert.agencyId().equals(agencyId) && (state == null || alert.state() == state))
                .sorted(Comparator.comparing(Alert::openedAt).reversed())
                .skip(skip).limit(limit).toList();
    }

    List<Alert> all() {
        return List.copyOf(alerts.values());
    }
}
