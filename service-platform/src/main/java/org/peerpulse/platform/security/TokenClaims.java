package org.peerpulse.platform.security;

/** The claims PeerPulse reads from an access token beyond the standard ones. */
public final class TokenClaims {

    public static final String AGENCY = "agency";
    public static final String ROLES = "roles";

    private TokenClaims() {
    }
}
