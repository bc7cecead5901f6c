package org.peerpulse.platform.pages;

import java.util.List;
import java.util.Set;

import org.peerpulse.platform.security.Caller;
import org.peerpulse.platform.security.TokenClaims;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in to a page, as their ID token says: the agency only from the provider's {@code agency}
 * claim, as the APIs read it from the access token.
 *
 * @param name the name the page greets them with
 * @param specialistId their specialist id within the agency, or {@code null}
 */
public record PageUser(String agencyId, String subject, String name, Set<String> roles, String specialistId) {

    public PageUser {
        roles = Set.copyOf(roles);
    }

    public static PageUser of(OidcUser user) {
        String name = user.getFullName() != null ? user.getFullName()
                : user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        List<String> roles = user.getClaimAsStringList(TokenClaims.ROLES);
        return new PageUser(user.getClaimAsString(TokenClaims.AGENCY), user.getSubject(), name,
                roles == null ? Set.of() : Set.copyOf(roles), user.getClaimAsString(TokenClaims.SPECIALIST));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The same caller an API request with this person's access token would be. */
    public Caller caller() {
        return new Caller(agencyId, subject, roles, specialistId);
    }
}
