package org.peerpulse.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared test backends and the shared {@link TestIssuer}:
 * {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri} (a database of its own per
 * context, {@code <spring.application.name or test>-<random>}, so cached contexts never see each
 * other's documents), the resource server's issuer and JWK set URIs, and {@code server.address}
 * 127.0.0.1. The properties go first in
 * the environment, so they win over application.yml and the environment variables the services
 * read.
 *
 * <p>Use it through {@link PeerPulseIntegrationTest}, or name it explicitly in
 * {@code @ContextConfiguration(initializers = PeerPulseTestContext.class)} on a slice test.
 */
public final class PeerPulseTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Name of the property source this initializer adds. */
    public static final String PROPERTY_SOURCE_NAME = "peerpulseTestBackends";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String application = environment.getProperty("spring.application.name", "test");
        String database = (application + "-" + UUID.randomUUID().toString().substring(0, 8))
                .replaceAll("[^A-Za-z0-9_-]", "-");
        TestIssuer issuer = TestIssuer.shared();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", TestBackends.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", TestBackends.mongoUri(database));
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri());
        // Servers started by tests listen on loopback only, whatever the service's own default is.
        properties.put("server.address", "127.0.0.1");
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }
}
