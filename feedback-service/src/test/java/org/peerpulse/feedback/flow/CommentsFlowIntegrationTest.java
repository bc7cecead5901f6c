package org.peerpulse.feedback.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.testsupport.PeerPulseIntegrationTest;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comments through the real API and store, released by calendar month: participants answer while the service's
 * clock says September (7 comments) and October (8), then the clock moves on to November and a lead reads. The
 * clock runs on from wherever it was moved, so only this test's own context is shifted.
 */
@PeerPulseIntegrationTest(properties = {"peerpulse.outbox.poll-interval=50ms",
        "peerpulse.feedback.token-attempts-per-minute=100000"})
@Import(CommentsFlowIntegrationTest.ShiftedClock.class)
class CommentsFlowIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @Autowired
    MovableClock clock;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMonthIsReleasedWholeOnceEndedAndAMonthOfSevenShowsNothing() throws Exception {
        String agency = "comments-" + UUID.randomUUID().toString().substring(0, 8);
        SessionStream sessions = new SessionStream(kafka, codec, mongo);
        List<SessionStream.Invited> invited = sessions.invitedGroup(agency, 15, Instant.now().plus(7, ChronoUnit.DAYS));
        clock.moveTo(Instant.parse("2026-09-10T12:00:00Z"));
        for (int i = 0; i < 7; i++) {
            answer(invited.get(i).token(), "september " + (char) ('g' - i));
        }
        clock.moveTo(Instant.parse("2026-10-30T12:00:00Z"));
        for (int i = 7; i < 15; i++) {
            answer(invited.get(i).token(), "october " + (char) ('a' + 14 - i));
        }
        String lead = TestIssuer.shared().token(Map.of("agency", agency, "roles", List.of("quality_lead"),
                "sub", "lead-ana"), Duration.ofMinutes(5));
        String path = "/api/v1/comments?programId=warmline&from=2026-09-30&to=2026-10-01";

        JsonNode inOctober = read(path, lead);
        assertThat(inOctober.get("periods")).allSatisfy(period -> {
            assertThat(period.get("released").asBoolean()).isFalse();
            assertThat(period.get("comments")).isEmpty();
        });
        assertThat(inOctober.get("periods").get(1).get("withheld").asString()).isEqualTo("NOT_YET_ENDED");

        clock.moveTo(Instant.parse("2026-11-01T00:00:01Z"));
        JsonNode inNovember = read(path, lead);

        assertThat(inNovember.get("timeZone").asString()).isEqualTo("UTC");
        JsonNode september = inNovember.get("periods").get(0);
        assertThat(september.get("period").asString()).isEqualTo("2026-09");
        assertThat(september.get("released").asBoolean()).isFalse();
        assertThat(september.get("withheld").asString()).isEqualTo("FEWER_THAN_MINIMUM");
        assertThat(september.get("comments")).isEmpty();
        JsonNode october = inNovember.get("periods").get(1);
        assertThat(october.get("period").asString()).isEqualTo("2026-10");
        assertThat(october.get("from").asString()).isEqualTo("2026-10-01");
        assertThat(october.get("to").asString()).isEqualTo("2026-10-31");
        assertThat(october.get("released").asBoolean()).isTrue();
        assertThat(JSON.convertValue(october.get("comments"), List.class)).containsExactly("october a", "october b",
                "october c", "october d", "october e", "october f", "october g", "october h");
        assertThat(inNovember.toString()).doesNotContain("september");
        // One day of October asked for is the whole of October.
        assertThat(read("/api/v1/comments?programId=warmline&from=2026-10-31&to=2026-10-31", lead).get("periods")
                .get(0)).isEqualTo(october);
    }

    private void answer(String token, String comment) throws Exception {
        String json = """
                {"token": "%s", "ratings": {"KINDNESS": 4}, "harm": {"reported": false}, "comment": "%s"}"""
                .formatted(token, comment);
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/feedback")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(201);
    }

    private JsonNode read(String path, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ShiftedClock {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    /** The system clock, shifted: it keeps running from wherever it was moved to. */
    static final class MovableClock extends Clock {

        private volatile Duration shift = Duration.ZERO;

        void moveTo(Instant instant) {
            shift = Duration.between(Instant.now(), instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
