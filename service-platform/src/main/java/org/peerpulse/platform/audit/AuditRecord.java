package org.peerpulse.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit trail.
 *
 * @param service the {@code spring.application.name} that served the request
 * @param agencyId the verified agency of the caller, or {@code null} when none is known
 * @param actor the verified subject (client or person), or {@code null}
 * @param action what was done or tried: an {@link Audited} name, {@code authentication.failed} or {@code access.denied}
 * @param target the path ids by name, allow-listed query parameters, and for refusals the reason
 * @param outcome the HTTP status answered
 * @param claimedAgency for a failed authentication only: the {@code agency} the unverified token claimed
 */
public record AuditRecord(Instant at, String service, String agencyId, String actor, List<String> roles,
        String action, Map<String, String> target, int outcome, String claimedAgency) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        roles = roles == null ? List.of() : List.copyOf(roles);
        target = target == null ? Map.of() : Map.copyOf(target);
    }
}
