package org.peerpulse.session.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.testsupport.AccessMatrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** session-service's lines of the access matrix: every endpoint, every kind of caller, one table. */
@SessionServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @LocalServerPort
    int port;

    private SessionApi api;

    /** Both agencies' directories hold the program and the specialists the callers' sessions name. */
    @BeforeAll
    void staff() {
        api = new SessionApi(port);
        api.staff(AccessMatrix.HOME, List.of(SessionApi.PROGRAM), AccessMatrix.PEER, AccessMatrix.COLLEAGUE);
        api.staff(AccessMatrix.OTHER, List.of(SessionApi.PROGRAM), AccessMatrix.OTHER_PEER);
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

            /**
             * {session}: logged just now by the home agency's peer; {program} and {specialist}: added just now to
             * the home agency's directory by its lead.
             */
            @Override
            public String placeholder(String name, String caller) {
                String lead = AccessMatrix.token("lead");
                return switch (name) {
                    case "session" -> api.logged(AccessMatrix.token("peer"), SessionApi.ownBody());
                    case "program" -> {
                        String id = fresh("program");
                        requireCreated(api.addProgram(lead, id, "Program " + id).getStatusCode().value());
                        yield id;
                    }
                    case "specialist" -> {
                        String id = fresh("peer");
                        requireCreated(api.addSpecialist(lead, id, List.of(SessionApi.PROGRAM)).getStatusCode()
                                .value());
                        yield id;
                    }
                    default -> throw new IllegalArgumentException("no placeholder called " + name);
                };
            }

            @Override
            public String body(String name, String caller) {
                return switch (name) {
                    case "session" -> switch (caller) {
                        case "lead" -> SessionApi.body(SessionApi.PROGRAM, AccessMatrix.PEER, SessionApi.RECENTLY);
                        case "otherlead" -> SessionApi.body(SessionApi.PROGRAM, AccessMatrix.OTHER_PEER,
                                SessionApi.RECENTLY);
                        default -> SessionApi.ownBody();
                    };
                    case "session-of-peer" -> SessionApi.body(SessionApi.PROGRAM, AccessMatrix.PEER,
                            SessionApi.RECENTLY);
                    case "reason" -> SessionApi.JSON.writeValueAsString(Map.of("reason", "logged twice"));
                    case "program" -> SessionApi.JSON.writeValueAsString(Map.of("id", fresh("program"),
                            "name", "Peer-run respite"));
                    case "specialist" -> SessionApi.JSON.writeValueAsString(Map.of("id", fresh("peer"),
                            "name", "Dee Ellis", "programs", List.of()));
                    case "active" -> "{\"active\": false}";
                    case "settings" -> """
                            {"timeZone": "America/Chicago", "minCellSize": 5, "exportMinCellSize": 11,
                             "crisisLine": {"en": "Call or text 988."}, "formLanguages": ["en"]}
                            """;
                    default -> AccessMatrix.Fixtures.super.body(name, caller);
                };
            }
        }));
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void requireCreated(int status) {
        if (status != 201) {
            throw new IllegalStateException("the fixture was not created: " + status);
        }
    }
}
