package org.peerpulse.feedback.flow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.AccessMatrix;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * feedback-service's lines of the access matrix. The participant's endpoints answer everyone alike: the
 * feedback token is the only key, whatever bearer token (or none) comes with it.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
class AccessMatrixTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @LocalServerPort
    int port;

    static Stream<AccessMatrix.Case> cases() {
        return AccessMatrix.cases("feedback");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallerGetsWhatTheTableSays(AccessMatrix.Case call) {
        SessionStream sessions = new SessionStream(kafka, codec, mongo);
        call.verify(call.call(port, new AccessMatrix.Fixtures() {

            @Override
            public String placeholder(String name, String caller) {
                return switch (name) {
                    case "token" -> invited(sessions);
                    case "framework" -> "peer-core-v1";
                    case "program" -> "warmline";
                    case "from" -> LocalDate.now().minusDays(30).toString();
                    case "to" -> LocalDate.now().toString();
                    case "alert" -> harmAlert(sessions, port);
                    default -> throw new IllegalArgumentException(name);
                };
            }

            @Override
            public String body(String name, String caller) {
                return switch (name) {
                    case "answer" -> """
                            {"token": "%s", "ratings": {"KINDNESS": 5}, "hope": 4, "harm": {"reported": false}}"""
                            .formatted(invited(sessions));
                    case "answer-form" -> "framework=peer-core-v1%401&lang=en&KINDNESS=5&hope=4&harm=no";
                    default -> AccessMatrix.Fixtures.super.body(name, caller);
                };
            }
        }));
    }

    @Test
    void theTableNamesEveryEndpoint(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        AccessMatrix.coversEvery("feedback", AccessMatrix.endpointsOf(controllers));
    }

    /** The alert opened by a harm report given on a session of the home agency. */
    private static String harmAlert(SessionStream sessions, int port) {
        try {
            String token = sessions.invitedGroup(AccessMatrix.HOME, 1, Instant.now().plus(7, ChronoUnit.DAYS)).get(0)
                    .token();
            String answer = "{\"token\": \"" + token + "\", \"ratings\": {},"
                    + " \"harm\": {\"reported\": true, \"text\": \"words\"}}";
            HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/feedback")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(answer)).build(), HttpResponse.BodyHandlers.ofString());
            if (answered.statusCode() != 201) {
                throw new IllegalStateException("the harm report was not taken: " + answered.statusCode());
            }
            return FeedbackSubmitted.harmAlertId(UUID.fromString(sessions.invitation(token).getString("submittedEventId")))
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String invited(SessionStream sessions) {
        try {
            return sessions.invitedToken();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
