package org.peerpulse.indicators.counting.domain;

/** The finest grain the indicators keep: one specialist's work in one program of one agency. */
public record Cell(String agencyId, String programId, String specialistId) {

    public Cell {
        requireId(agencyId, "agencyId");
        requireId(programId, "programId");
        requireId(specialistId, "specialistId");
    }

    public static void requireId(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(name + " is required and at most 200 characters");
        }
    }
}
