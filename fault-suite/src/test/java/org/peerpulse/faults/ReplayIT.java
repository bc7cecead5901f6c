package org.peerpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 13, run last: replaying both topics from the beginning reproduces identical dashboards. By now the
 * topics hold every scenario's traffic and faults (poison, redeliveries, a rebalance, outages). The shared
 * metrics-service is stopped and started again in rebuild mode (docs/rebuild.md: facts and rollups erased, every
 * partition read from its first record) on the same group and database; once it has read both topics to the end,
 * every scenario's dashboards are the same JSON as before, and every ledger of this run is counted exactly.
 */
@Order(Integer.MAX_VALUE)
class ReplayIT {

    private static final int SESSIONS = 6;

    @Test
    void replayingBothTopicsFromTheBeginningReproducesEveryDashboard() {
        Api api = Stack.api();
        Ledger own = Ledger.forScenario("replay");
        for (int i = 0; i < SESSIONS; i++) {
            String sessionId = own.logSession(api).orElseThrow();
            own.submitFeedback(api, sessionId);
        }
        own.assertCountedExactlyOnce(api);
        RunningService metrics = api.metrics();
        TopicProbeGroups.awaitCaughtUp(metrics.group(), Topics.SESSIONS, Topics.FEEDBACK);

        List<Ledger> ledgers = Ledger.all();
        Map<String, List<JsonNode>> before = new LinkedHashMap<>();
        for (Ledger ledger : ledgers) {
            ledger.assertDashboards(api);
            before.put(ledger.agency(), ledger.dashboards(api));
        }

        String database = metrics.database();
        String group = metrics.group();
        Stack.closeMetrics();
        try (RunningService rebuilt = RunningService.start(Service.METRICS, database, group,
                Map.of("peerpulse.indicators.rebuild", "true"))) {
            Api replayed = api.withMetrics(rebuilt);
            for (Ledger ledger : ledgers) {
                // Counted, not stored: a rebuild of metrics-service changes nothing session-service keeps, which
                // each scenario's verdict checked on the instance that served it (scenario 14's is closed by now).
                ledger.assertCounted(replayed);
                assertThat(ledger.dashboards(replayed)).as("the dashboards of %s after the replay", ledger.agency())
                        .isEqualTo(before.get(ledger.agency()));
            }
        }
    }
}
