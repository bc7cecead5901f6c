package org.peerpulse.localstack.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the demo authorization server issues tokens.
 *
 * @param issuer the {@code iss} of every token and the base of the advertised endpoints
 * @param audience the {@code aud} every token carries
 * @param tokenTimeToLive how long an access token is valid
 * @param signingKeyFile where the RSA signing key is kept between runs; without it a new key is made at
 *     every start and tokens from an earlier run stop verifying
 * @param clients the clients that may ask for tokens; the demo clients when not configured
 */
@ConfigurationProperties("peerpulse.auth")
public record AuthorizationServerProperties(
        URI issuer,
        String audience,
        Duration tokenTimeToLive,
        Path signingKeyFile,
        List<DemoClient> clients) {

    public AuthorizationServerProperties {
        issuer = issuer == null ? URI.create("http://127.0.0.1:9000") : issuer;
        audience = audience == null || audience.isBlank() ? "peerpulse" : audience;
        tokenTimeToLive = tokenTimeToLive == null ? Duration.ofHours(1) : tokenTimeToLive;
        signingKeyFile = signingKeyFile == null || signingKeyFile.toString().isEmpty() ? null : signingKeyFile;
        clients = clients == null || clients.isEmpty() ? DemoClient.LOCAL_DEMO_CLIENTS : List.copyOf(clients);
    }

    public Optional<DemoClient> client(String clientId) {
        return clients.stream().filter(client -> client.id().equals(clientId)).findFirst();
    }

    /**
     * A client allowed the {@code client_credentials} grant.
     *
     * @param agency the tenant written into the {@code agency} claim; {@code null} for ops, who belong to
     *     no agency
     * @param roles written into the {@code roles} claim
     */
    public record DemoClient(String id, String secret, String agency, List<String> roles) {

        /**
         * LOCAL DEMO CREDENTIALS, published in the README on purpose. They only ever guard a stack on
         * 127.0.0.1 with made-up data; a real deployment uses its own OIDC provider and never these.
         */
        public static final List<DemoClient> LOCAL_DEMO_CLIENTS = List.of(
                new DemoClient("harbor-lead", "harbor-lead-secret", "harbor", List.of("quality_lead")),
                new DemoClient("harbor-peer", "harbor-peer-secret", "harbor", List.of("specialist")),
                new DemoClient("sunrise-lead", "sunrise-lead-secret", "sunrise", List.of("quality_lead")),
                new DemoClient("sunrise-peer", "sunrise-peer-secret", "sunrise", List.of("specialist")),
                new DemoClient("ops", "ops-secret", null, List.of("ops")));

        public DemoClient {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
