package org.peerpulse.feedback.config;

import java.net.URI;
import org.peerpulse.platform.pages.PageClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code peerpulse.pages.*}: how the quality leads' pages (a harm report's words, the program comments) sign
 * people in.
 *
 * @param issuerUri the OpenID provider, the issuer the APIs trust
 * @param clientId these pages' client at the provider
 * @param clientSecret its secret; the default is the local demo stack's and guards nothing real
 */
@ConfigurationProperties("peerpulse.pages")
record PageProperties(URI issuerUri, String clientId, String clientSecret) {

    /** LOCAL DEMO CREDENTIAL of the local authorization server; production sets its own. */
    static final String LOCAL_DEMO_SECRET = "feedback-leads-secret";

    PageProperties {
        issuerUri = issuerUri == null ? URI.create("http://127.0.0.1:9000") : issuerUri;
        clientId = clientId == null || clientId.isBlank() ? "feedback-leads" : clientId;
        clientSecret = clientSecret == null || clientSecret.isBlank() ? LOCAL_DEMO_SECRET : clientSecret;
    }

    PageClient client() {
        return new PageClient(issuerUri, clientId, clientSecret);
    }

    @Override
    public String toString() {
        return "PageProperties[issuerUri=" + issuerUri + ", clientId=" + clientId + "]";
    }
}
