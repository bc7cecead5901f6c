package org.peerpulse.session.web;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.testsupport.AccessMatrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** session-service's lines of the access matrix: every endpoint, every kind of caller, one table. */
@SessionServiceTest
class AccessMatrixTest {

    @LocalServerPort
    int port;

    private SessionApi api;

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @Test
    void theTableNamesEveryEndpoint(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        AccessMatrix.coversEvery("session", AccessMatrix.endpointsOf(controllers));
    }

    static Stream<AccessMatrix.Case> cases() {
        return AccessMatrix.cases("session");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallerGetsWhatTheTableSays(AccessMatrix.Case call) {
        call.verify(call.call(port, new AccessMatrix.Fixtures() {

            /** {session}: logged just now by the home agency's peer. */
            @Override
            public String placeholder(String name, String caller) {
                ResponseEntity<JsonNode> logged = api.post(AccessMatrix.token("peer"), SessionApi.validBody(),
                        MediaType.APPLICATION_JSON);
                return logged.getBody().get("sessionId").asString();
            }

            @Override
            public String body(String name, String caller) {
                return switch (name) {
                    case "session" -> SessionApi.validBody();
                    case "reason" -> SessionApi.JSON.writeValueAsString(Map.of("reason", "logged twice"));
                    default -> AccessMatrix.Fixtures.super.body(name, caller);
                };
            }
        }));
    }
}
