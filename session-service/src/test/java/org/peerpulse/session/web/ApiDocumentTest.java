package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.ApiDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * session-service's OpenAPI document: read without a token, OpenAPI 3.1, and exactly what the controllers
 * serve. Runs in the context every other session-service test shares.
 */
@SessionServiceTest
class ApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void theDocumentDescribesEveryApiEndpointAndNoOther(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        ApiDocument.readWithoutToken(port).describesExactly(controllers);
    }

    @Test
    void loggingASessionIsDocumentedWithItsRetryKeyAndBody() {
        JsonNode logSession = ApiDocument.readWithoutToken(port).operation("POST /api/v1/sessions");

        assertThat(logSession.path("parameters").findValuesAsString("name")).contains("Idempotency-Key");
        assertThat(logSession.path("requestBody").path("content").has("application/json")).isTrue();
        assertThat(logSession.path("responses").has("401")).isTrue();
    }
}
