package org.peerpulse.indicators.dashboards.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code peerpulse.page.*}: how the pages (the quality leads' dashboard, a specialist's learning page) sign people in, as an OpenID Connect client of
 * the agency's identity provider (the same issuer the APIs trust).
 *
 * @param issuerUri the OpenID provider; its endpoints are discovered from it on the first sign-in, so the
 *     service starts even while the provider is still starting
 * @param clientId this page's client at the provider
 * @param clientSecret its secret; the default is the local demo stack's and guards nothing real
 * @param workspaceUrl the specialist's workspace on session-service, which the learning page links back to
 */
@ConfigurationProperties("peerpulse.page")
public record PageProperties(URI issuerUri, String clientId, String clientSecret, URI workspaceUrl) {

    /** LOCAL DEMO CREDENTIAL of the local authorization server; production sets its own. */
    static final String LOCAL_DEMO_SECRET = "metrics-dashboard-secret";

    public PageProperties {
        issuerUri = issuerUri == null ? URI.create("http://127.0.0.1:9000") : issuerUri;
        clientId = clientId == null || clientId.isBlank() ? "metrics-dashboard" : clientId;
        clientSecret = clientSecret == null || clientSecret.isBlank() ? LOCAL_DEMO_SECRET : clientSecret;
        workspaceUrl = workspaceUrl == null ? URI.create("http://127.0.0.1:8081/") : workspaceUrl;
    }
}
