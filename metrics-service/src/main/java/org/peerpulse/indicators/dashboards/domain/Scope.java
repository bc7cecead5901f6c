package org.peerpulse.indicators.dashboards.domain;

import java.util.Objects;

import org.peerpulse.indicators.counting.domain.Cell;

/** What a dashboard looks at inside the caller's agency: all of it, one program or one specialist. */
public record Scope(Type type, String id) {

    public enum Type { AGENCY, PROGRAM, SPECIALIST }

    public Scope {
        Objects.requireNonNull(type, "type");
        Cell.requireId(id, "id");
    }

    public static Scope agency(String agencyId) {
        return new Scope(Type.AGENCY, agencyId);
    }

    public static Scope program(String programId) {
        return new Scope(Type.PROGRAM, programId);
    }

    public static Scope specialist(String specialistId) {
        return new Scope(Type.SPECIALIST, specialistId);
    }
}
