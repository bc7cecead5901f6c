package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Scenario 11: clients retry. Several copies of one request with the same Idempotency-Key arrive at once (a
 * client that timed out and retried, twice over): one session, one event, the same answer for each. Several
 * copies of one participant's answer arrive at once: exactly one is acknowledged (201), the others are told the
 * token is used (409), and one response is counted.
 */
class ParallelRetriesIT {

    private static final int COPIES = 8;
    private static final int SESSIONS = 6;

    @Test
    void parallelRetriesOfOneKeyMakeOneSessionAndParallelRedemptionsOfOneTokenOneResponse() throws Exception {
        Api api = Stack.api();
        Ledger ledger = Ledger.forScenario("retries");
        ledger.prepareDirectory(api);
        ExecutorService clients = Executors.newFixedThreadPool(COPIES);
        try {
            List<String> sessions = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                String key = "retry-" + UUID.randomUUID();
                String body = ledger.nextSessionBody();
                List<Api.Answer> answers = all(clients, () -> api.logSession(ledger.agency(), ledger.specialist(), body,
                        key));
                assertThat(answers).as("every copy of a retried request is acknowledged")
                        .allMatch(answer -> answer.status() == 201);
                assertThat(answers.stream().map(a -> a.body().get("sessionId").asString()).distinct())
                        .as("one session for one key").hasSize(1);
                answers.forEach(answer -> ledger.recordSession(answer, "retried session"));
                sessions.add(answers.get(0).body().get("sessionId").asString());
            }
            assertThat(ledger.sessions()).hasSize(SESSIONS);

            for (String sessionId : sessions) {
                String body = ledger.feedbackBody(ledger.tokenOf(sessionId), 5);
                ledger.submitInvalidFeedback(api, sessionId); // 400, not 503: feedback-service knows the session
                List<Api.Answer> answers = all(clients, () -> api.submitFeedback(body));
                assertThat(answers.stream().filter(a -> a.status() == 201)).as("exactly one redemption wins")
                        .hasSize(1);
                assertThat(answers.stream().filter(a -> a.status() != 201)).as("the others find the token used")
                        .allMatch(a -> a.status() == 409);
                answers.forEach(answer -> ledger.recordFeedback(sessionId, answer));
            }
        } finally {
            clients.shutdownNow();
        }
        ledger.assertCountedExactlyOnce(api);
    }

    /** Runs {@code COPIES} copies of {@code call}, released together, and returns every answer. */
    private static List<Api.Answer> all(ExecutorService clients, Callable<Api.Answer> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Answer>> futures = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            futures.add(clients.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Api.Answer> answers = new ArrayList<>();
        for (Future<Api.Answer> future : futures) {
            answers.add(future.get(Ledger.WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return answers;
    }
}
