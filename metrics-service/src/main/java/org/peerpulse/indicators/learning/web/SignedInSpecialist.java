package org.peerpulse.indicators.learning.web;

import org.peerpulse.platform.security.TokenClaims;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The specialist signed in to the learning page: agency and specialist id come only from the identity
 * provider's {@code agency} and {@code specialist} claims, as they do from the token for the API. The
 * security chain lets no one in without both.
 */
record SignedInSpecialist(String agencyId, String specialistId, String name) {

    static SignedInSpecialist of(OidcUser user) {
        String name = user.getGivenName() != null ? user.getGivenName()
                : user.getFullName() != null ? user.getFullName()
                : user.getPreferredUsername() != null ? user.getPreferredUsername() : null;
        return new SignedInSpecialist(user.getClaimAsString(TokenClaims.AGENCY),
                user.getClaimAsString(TokenClaims.SPECIALIST), name);
    }
}
