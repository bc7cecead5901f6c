package org.peerpulse.session.config;

import java.net.URI;

import org.peerpulse.platform.pages.PageClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code peerpulse.pages.*}: how the specialists' workspace and the administration page sign people in, and
 * where the pages of metrics-service they link to are.
 *
 * @param issuerUri the OpenID provider, the issuer the APIs trust
 * @param clientId these pages' client at the provider
 * @param clientSecret its secret; the default is the local demo stack's and guards nothing real
 * @param learningUrl the specialist's learning page on metrics-service
 * @param dashboardUrl the quality leads' dashboard on metrics-service
 */
@ConfigurationProperties("peerpulse.pages")
public record PageProperties(URI issuerUri, String clientId, String clientSecret, URI learningUrl,
        URI dashboardUrl) {

    /** LOCAL DEMO CREDENTIAL of the local authorization server; production sets its own. */
    static final String LOCAL_DEMO_SECRET = "session-workspace-secret";

    public PageProperties {
        issuerUri = issuerUri == null ? URI.create("http://127.0.0.1:9000") : issuerUri;
        clientId = clientId == null || clientId.isBlank() ? "session-workspace" : clientId;
        clientSecret = clientSecret == null || clientSecret.isBlank() ? LOCAL_DEMO_SECRET : clientSecret;
        learningUrl = learningUrl == null ? URI.create("http://127.0.0.1:8083/learning") : learningUrl;
        dashboardUrl = dashboardUrl == null ? URI.create("http://127.0.0.1:8083/") : dashboardUrl;
    }

    PageClient client() {
        return new PageClient(issuerUri, clientId, clientSecret);
    }

    @Override
    public String toString() {
        return "PageProperties[issuerUri=" + issuerUri + ", clientId=" + clientId + "]";
    }
}
