package org.peerpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

@PeerPulseIntegrationTest(properties = "spring.application.name=probe-app")
class PeerPulseIntegrationTestTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void theContextPointsAtTheSharedBackendsAndIssuer() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(TestBackends.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.mongodb.uri"))
                .startsWith(TestBackends.documentStore().connectionString() + "/probe-app-")
                .matches("mongodb://127\\.0\\.0\\.1:\\d+/probe-app-[0-9a-f]{8}");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(TestIssuer.shared().issuerUri());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .isEqualTo(TestIssuer.shared().jwkSetUri());
    }

    @Test
    void theServerRunsOnARandomLoopbackPort() throws Exception {
        assertThat(port).isPositive();
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nothing-here")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void eachContextGetsADatabaseOfItsOwn() {
        try (GenericApplicationContext first = new GenericApplicationContext();
             GenericApplicationContext second = new GenericApplicationContext()) {
            new PeerPulseTestContext().initialize(first);
            new PeerPulseTestContext().initialize(second);

            assertThat(first.getEnvironment().getProperty("spring.mongodb.uri"))
                    .contains("/test-")
                    .isNotEqualTo(second.getEnvironment().getProperty("spring.mongodb.uri"));
        }
    }
}
