package org.peerpulse.indicators.flow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.Topics;
import org.peerpulse.indicators.alerts.domain.Alert;
import org.peerpulse.indicators.alerts.domain.Delivery;
import org.peerpulse.indicators.alerts.domain.Alerts;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.EventRecords;
import org.peerpulse.testsupport.AccessMatrix;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * metrics-service's lines of the access matrix. The home agency has one program and one specialist with
 * a session (sent through the real broker once); every alert a path names is opened fresh for its call.
 */
@PeerPulseIntegrationTest
class AccessMatrixTest {

    private static final String PROGRAM = "prog-north";
    private static final LocalDate SESSION_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    Alerts alerts;
    @LocalServerPort
    int port;

    @Test
    void theTableNamesEveryEndpoint(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        AccessMatrix.coversEvery("metrics", AccessMatrix.endpointsOf(controllers));
    }

    static Stream<AccessMatrix.Case> cases() {
        return AccessMatrix.cases("metrics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallerGetsWhatTheTableSays(AccessMatrix.Case call) throws Exception {
        homeAgencyHasASession();
        call.verify(call.call(port, (name, caller) -> switch (name) {
            case "program" -> PROGRAM;
            case "specialist" -> AccessMatrix.PEER;
            case "alert" -> openHarmAlert().toString();
            case "from" -> SESSION_DAY.minusDays(7).toString();
            case "to" -> SESSION_DAY.toString();
            default -> throw new IllegalArgumentException(name);
        }));
    }

    private static volatile boolean sent;

    private void homeAgencyHasASession() throws Exception {
        if (sent) {
            return;
        }
        Instant at = SESSION_DAY.atTime(10, 0).toInstant(ZoneOffset.UTC);
        SessionLogged session = TestEvents.session(AccessMatrix.HOME, PROGRAM, AccessMatrix.PEER, at);
        kafka.send(EventRecords.of(Topics.SESSIONS, session.agencyId(), session.eventId().toString(),
                EventTypes.typeOf(session), session.occurredAt(), "/session-service", codec.write(session))).get();
        TestApi api = new TestApi(port);
        String lead = AccessMatrix.token("lead");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/dashboards/agency?from=" + SESSION_DAY
                + "&to=" + SESSION_DAY, lead).body().get("sessions").asLong() == 1);
        sent = true;
    }

    private UUID openHarmAlert() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert alert = Alert.harmReport(new ReceivedFeedback(EventIds.newId(), UUID.randomUUID().toString(),
                new Cell(AccessMatrix.HOME, PROGRAM, AccessMatrix.PEER), now, Map.of(), 3, true, now), SESSION_DAY, now,
                Delivery.notConfigured());
        alerts.open(alert);
        return alert.id();
    }
}
