package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerpulse.testsupport.TestBackends;

/**
 * Scenario 1: Kafka is unreachable while specialists log sessions and participants answer. Both services
 * acknowledge the writes (the event waits in the document's outbox, written with the state change), the outboxes
 * hold them while the broker is down and drain when it is back; every acknowledged write is counted once.
 */
class KafkaOutageIT {

    private static final int SESSIONS = 6;

    @Test
    void writesAcknowledgedWhileTheBrokerIsDownAreCountedOnceWhenItIsBack() {
        Api api = Stack.api();
        Ledger ledger = Ledger.forScenario("kafka-down");
        List<String> before = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String sessionId = ledger.logSession(api).orElseThrow();
            before.add(sessionId);
            // 400 (not 503) proves feedback-service has learned the session before the broker goes.
            ledger.submitInvalidFeedback(api, sessionId);
        }

        List<String> during = new ArrayList<>();
        TestBackends.stopKafka();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                during.add(ledger.logSession(api).orElseThrow(() -> new AssertionError("a session was refused "
                        + "while Kafka was down: " + ledger.refused())));
            }
            for (String sessionId : before) {
                assertThat(ledger.submitFeedback(api, sessionId)).as("feedback acknowledged while Kafka is down: %s",
                        ledger.refused()).isTrue();
            }
            ledger.logInvalidSession(api);

            assertThat(Stores.pendingOutbox(Stack.SESSIONS_DATABASE, "sessions", ledger.agency()))
                    .as("session-service's outbox holds the sessions logged during the outage").isEqualTo(SESSIONS);
            assertThat(Stores.pendingOutbox(Stack.FEEDBACK_DATABASE, "invitations", ledger.agency()))
                    .as("feedback-service's outbox holds the answers given during the outage").isEqualTo(SESSIONS);
        } finally {
            TestBackends.startKafka();
        }

        for (String sessionId : during) {
            assertThat(ledger.submitFeedback(api, sessionId)).isTrue();
        }
        ledger.assertCountedExactlyOnce(api);
        assertThat(Stores.pendingOutbox(Stack.SESSIONS_DATABASE, "sessions", ledger.agency())).isZero();
        assertThat(Stores.pendingOutbox(Stack.FEEDBACK_DATABASE, "invitations", ledger.agency())).isZero();
    }
}
