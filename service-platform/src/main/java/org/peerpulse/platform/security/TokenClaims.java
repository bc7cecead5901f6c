package org.peerpulse.platform.security;

/** The claims PeerPulse reads from an access token beyond the standard ones. */
public final class TokenClaims {

    public static final String AGENCY = "agency";
    public static final String ROLES = "roles";
    /** The specialist's id within the agency, as sessions name it; only on a specialist's token. */
    public static final String SPECIALIST = "specialist";

    private TokenClaims() {
    }
}
