package org.peerpulse.platform.security;

import java.util.Set;

/**
 * Who is calling, as the verified token says: the agency (tenant), the client or user id, the roles and,
 * for a specialist, their specialist id within the agency ({@code null} when the token names none).
 * A controller takes it as a method argument; it is resolved only for callers that belong to an agency.
 */
public record Caller(String agencyId, String subject, Set<String> roles, String specialistId) {

    public static final String SPECIALIST = "specialist";
    public static final String QUALITY_LEAD = "quality_lead";
    public static final String OPS = "ops";

    public Caller {
        roles = Set.copyOf(roles);
        specialistId = specialistId == null || specialistId.isBlank() ? null : specialistId;
    }

    /** A caller whose token names no specialist id. */
    public Caller(String agencyId, String subject, Set<String> roles) {
        this(agencyId, subject, roles, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
