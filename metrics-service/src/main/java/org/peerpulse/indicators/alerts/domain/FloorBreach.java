package org.peerpulse.indicators.alerts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.peerpulse.indicators.agencies.domain.AgencySettings;

/**
 * An index below the floor its agency set. A suppressed index ({@code null}: too few responses to show)
 * never breaches: an alert must not reveal what the dashboard hides.
 */
public record FloorBreach(AlertKind kind, double index, double floor) {

    public FloorBreach {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isIndexFloor()) {
            throw new IllegalArgumentException("a floor breach is about an index");
        }
    }

    /** The breaches of these indices under the agency's floors, values first. */
    public static List<FloorBreach> of(AgencySettings settings, Double valuesIndex, Double trustIndex) {
        List<FloorBreach> breaches = new ArrayList<>(2);
        if (below(valuesIndex, settings.valuesIndexFloor())) {
            breaches.add(new FloorBreach(AlertKind.VALUES_INDEX_BELOW_FLOOR, valuesIndex, settings.valuesIndexFloor()));
        }
        if (below(trustIndex, settings.trustIndexFloor())) {
            breaches.add(new FloorBreach(AlertKind.TRUST_INDEX_BELOW_FLOOR, trustIndex, settings.trustIndexFloor()));
        }
        return breaches;
    }

    /** Whether the agency set any floor at all; without one there is nothing to watch. */
    public static boolean watched(AgencySettings settings) {
        return settings.valuesIndexFloor() != null || settings.trustIndexFloor() != null;
    }

    private static boolean below(Double index, Double floor) {
        return index != null && floor != null && index < floor;
    }
}
