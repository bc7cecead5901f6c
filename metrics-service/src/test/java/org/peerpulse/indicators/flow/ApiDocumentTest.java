package org.peerpulse.indicators.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.ApiDocument;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * metrics-service's OpenAPI document: read without a token, OpenAPI 3.1, and exactly what the controllers
 * serve; the quality leads' pages are not part of it. Runs in the context the flow tests share.
 */
@PeerPulseIntegrationTest
class ApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void theDocumentDescribesEveryApiEndpointAndNoOther(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        ApiDocument.readWithoutToken(port).describesExactly(controllers);
    }

    @Test
    void aDashboardTakesItsRangeAndGranularityFromTheQuery() {
        JsonNode agency = ApiDocument.readWithoutToken(port).operation("GET /api/v1/dashboards/agency");

        assertThat(agency.path("parameters").findValuesAsString("name")).contains("from", "to", "granularity");
        assertThat(agency.path("security").findValues(ApiDocument.BEARER_JWT)).hasSize(1);
    }
}
