package org.peerpulse.platform.pages;

import java.net.URI;
import java.util.Objects;

/**
 * A service's pages as an OpenID Connect client of the agency's identity provider.
 *
 * @param issuerUri the OpenID provider (the issuer the APIs trust); its endpoints are discovered on the first
 *     sign-in, so the service starts while the provider is still starting
 * @param clientId the pages' client at the provider
 * @param clientSecret its secret
 */
public record PageClient(URI issuerUri, String clientId, String clientSecret) {

    public PageClient {
        Objects.requireNonNull(issuerUri, "issuerUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "PageClient[issuerUri=" + issuerUri + ", clientId=" + clientId + "]";
    }
}
