package org.peerpulse.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerpulse.testsupport.PeerPulseTestContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * URLs Tomcat refuses before Spring sees them (an encoded slash, an encoded backslash, an encoded NUL) are
 * answered as problem documents too, like every other error, and say nothing of the request.
 */
@SpringBootTest(classes = TomcatRejectionsIntegrationTest.ProbeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=rejections")
@ContextConfiguration(initializers = PeerPulseTestContext.class)
class TomcatRejectionsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/sessions/..%2F..%2Fadmin", "/api/v1/sessions/a%5Cb", "/api/v1/sessions/%00"})
    void aUrlTomcatRefusesIsAProblemDocument(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400}");
    }

    @SpringBootApplication
    static class ProbeApplication {
    }
}
