package org.peerpulse.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A store that cannot be reached does not turn an answered request into an error, and does not go unseen: the
 * writer keeps the record queued and counts each failed write; a record given up at stop, or one its request
 * had to write and could not, is logged at ERROR with its action and outcome only, and counted.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailFailureTest {

    @Test
    void aRecordTheStoreCannotTakeStaysQueuedAndIsCountedWhenTheStopGivesUpOnIt(CapturedOutput output) {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (AuditStore store = AuditStore.unreachable()) {
            AuditWriter writer = store.writer(
                    new AuditProperties(Duration.ofMillis(50), null, null, null, Duration.ofSeconds(1)), meters);
            writer.start();

            recordAView(writer);

            await().atMost(Duration.ofSeconds(10)).until(() -> meters.counter(AuditWriter.WRITE_FAILURES).count() >= 2);
            assertThat(writer.waiting()).isEqualTo(1);
            assertThat(meters.find(AuditWriter.FAILURES).counters()).as("still queued, not lost").isEmpty();

            writer.stop();
        }

        assertThat(meters.counter(AuditWriter.FAILURES, "action", "dashboard.view").count()).isEqualTo(1);
        assertThat(output.getOut() + output.getErr())
                .contains("Audit trail could not write 1 records")
                .contains("Audit trail stopped with 1 records not written")
                .doesNotContain("prog-unmistakable").doesNotContain("lead-ann").doesNotContain("harbor");
    }

    @Test
    void aRecordItsRequestWroteItselfAndCouldNotIsLoggedWithoutItsContentAndCounted(CapturedOutput output) {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (AuditStore store = AuditStore.unreachable()) {
            // Not started (or stopped): the request writes its own record.
            recordAView(store.writer(new AuditProperties(null, null, null, null, null), meters));
        }

        assertThat(meters.counter(AuditWriter.FAILURES, "action", "dashboard.view").count()).isEqualTo(1);
        assertThat(output.getOut() + output.getErr())
                .contains("Audit record not written: action dashboard.view outcome 200")
                .doesNotContain("prog-unmistakable").doesNotContain("lead-ann").doesNotContain("harbor");
    }

    private static void recordAView(AuditWriter writer) {
        AuditStore.trail(writer).record(AuditTrail.Actor.of("harbor", "lead-ann", List.of("quality_lead")),
                "dashboard.view", Map.of("programId", "prog-unmistakable"), 200, null);
    }
}
