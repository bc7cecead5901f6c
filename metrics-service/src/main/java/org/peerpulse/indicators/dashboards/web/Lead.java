package org.peerpulse.indicators.dashboards.web;

import org.peerpulse.platform.security.TokenClaims;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The quality lead signed in to the page: the agency comes only from the identity provider's
 * {@code agency} claim, as it does from the token for the APIs; the security chain lets no one without it in.
 *
 * @param subject the provider's id of the person, written into an alert's history when they change it
 */
public record Lead(String agencyId, String subject, String name) {

    public static Lead of(OidcUser user) {
        String name = user.getFullName() != null ? user.getFullName()
                : user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        return new Lead(user.getClaimAsString(TokenClaims.AGENCY), user.getSubject(), name);
    }
}
