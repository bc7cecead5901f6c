package org.peerpulse.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peerpulse.session.web.SessionApi.PARTICIPANT_REF;
import static org.peerpulse.session.web.SessionApi.validBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.PrometheusScrape;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * The business meters as Prometheus scrapes them: they move by exactly what was stored (a replayed retry
 * key, a rejected body, a second void and a voided session's reissue move nothing; a group counts each link), the outbox reports its backlog and each event's
 * relay delay once, and no series anywhere in the scrape carries an id, token or reference this test used.
 */
@SessionServiceTest
class SessionMetersTest {

    private static final String LOGGED = "peerpulse_sessions_logged_total";
    private static final String VOIDED = "peerpulse_sessions_voided_total";
    private static final String ISSUED = "peerpulse_invitations_issued_total";
    private static final String RELAYED = "peerpulse_outbox_relay_delay_seconds_count";
    private static final String BACKLOG = "peerpulse_outbox_backlog";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void theMetersCountWhatWasStoredAndNoTagCarriesAnId() {
        String agency = "meters-" + System.nanoTime();
        SessionApi api = new SessionApi(port);
        api.staff(agency);
        String peer = SessionApi.peer(agency);
        // Whatever earlier tests left in the outbox is gone first, this agency's directory snapshots too, so the
        // relay's count below is ours alone.
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id").is(agency)
                .and("outboxPending").is(true)), "directories") == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusScrape.of(port).value(BACKLOG,
                "collection", "sessions") == 0);
        PrometheusScrape before = PrometheusScrape.of(port);

        List<String> used = new ArrayList<>(List.of(agency, PARTICIPANT_REF, "warmline", "sp-rivera"));
        String key = "retry-" + System.nanoTime();
        used.add(key);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(api.post(peer, validBody(), key).getStatusCode().value()).isEqualTo(201);
        }
        String sessionId = api.post(peer, validBody(), MediaType.APPLICATION_JSON).getBody().get("sessionId")
                .asString();
        used.add(sessionId);
        assertThat(api.post(peer, validBody().replace("PHONE", "CARRIER_PIGEON"), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(api.voidSession(peer, sessionId, "logged twice").getStatusCode().value()).isEqualTo(204);
        assertThat(api.voidSession(peer, sessionId, "logged twice").getStatusCode().value()).isEqualTo(409);
        String group = api.logged(peer, SessionApi.groupBody(3).replace("PHONE", "GROUP"));
        used.add(group);
        assertThat(api.reissue(peer, group).getStatusCode().value()).isEqualTo(201);
        assertThat(api.reissue(peer, sessionId).getStatusCode().value()).isEqualTo(409);

        // Three sessions (the retry key's, the plain one and the group), one void and one reissue: five events
        // leave the outbox.
        PrometheusScrape after = await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusScrape.of(port),
                scrape -> scrape.value(RELAYED) - before.value(RELAYED) == 5
                        && scrape.value(BACKLOG, "collection", "sessions") == 0);
        assertThat(after.value(LOGGED, "channel", "phone") - before.value(LOGGED, "channel", "phone")).isEqualTo(2);
        assertThat(after.value(LOGGED, "channel", "group") - before.value(LOGGED, "channel", "group")).isEqualTo(1);
        assertThat(after.value(LOGGED) - before.value(LOGGED)).isEqualTo(3);
        // One link for each single session, three for the group and three fresh ones for it.
        assertThat(after.value(ISSUED) - before.value(ISSUED)).isEqualTo(8);
        assertThat(after.value(VOIDED) - before.value(VOIDED)).isEqualTo(1);
        assertThat(after.labelValues(LOGGED, "channel")).containsExactly("group", "in_person", "phone", "text",
                "video");
        assertThat(after.labelValues(LOGGED, "application")).containsExactly("session-service");
        // Relay delay and latency have buckets Prometheus can take quantiles from.
        assertThat(after.has("peerpulse_outbox_relay_delay_seconds_bucket")).isTrue();
        assertThat(after.labelValues("http_server_requests_seconds_bucket", "uri"))
                .contains("/api/v1/sessions", "/api/v1/sessions/{sessionId}/void",
                        "/api/v1/sessions/{sessionId}/invitations");
        assertThat(after.value("peerpulse_deadletters_total", "topic", "peerpulse.sessions.v1")).isNotNegative();
        // The send's observation ends in the producer's callback, a moment after the relay may have seen the ack.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusScrape.of(port)
                .labelValues("spring_kafka_template_seconds_count", "messaging_destination_name"))
                .contains("peerpulse.sessions.v1"));
        assertThat(after.has("kafka_producer_record_send_total")).isTrue();
        assertThat(after.labelValues("mongodb_driver_commands_seconds_count", "collection")).contains("sessions");

        after.assertNoTagCarries(used);
    }
}
