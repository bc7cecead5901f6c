package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.ApiDocument;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * feedback-service's OpenAPI document: read without a token, OpenAPI 3.1, and exactly what the controllers
 * serve; the participant's form pages are not part of it. Runs in the context the flow tests share.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class ApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void theDocumentDescribesEveryApiEndpointAndNoOther(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        ApiDocument.readWithoutToken(port).describesExactly(controllers);
    }

    @Test
    void theParticipantsEndpointsNeedNoTokenAndTheFormPagesAreLeftOut() {
        ApiDocument document = ApiDocument.readWithoutToken(port);

        // The feedback token in the body is the participant's only key.
        assertThat(document.operation("POST /api/v1/feedback").has("security")).isFalse();
        assertThat(document.operation("POST /api/v1/feedback").path("responses").has("400")).isTrue();
        assertThat(document.operations()).allMatch(operation -> operation.contains(" /api/v1/"));
    }
}
