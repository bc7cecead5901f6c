package org.peerpulse.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A store that cannot be reached does not turn an answered request into an error, and does not go unseen:
 * the lost record is logged at ERROR with its action and outcome only, and counted.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailFailureTest {

    @Test
    void aRecordThatCannotBeWrittenIsLoggedWithoutItsContentAndCounted(CapturedOutput output) {
        MeterRegistry meters = new SimpleMeterRegistry();
        // Nothing listens on port 1; the driver gives up after 300 ms instead of 30 s.
        try (MongoClient unreachable = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300")) {
            AuditTrail trail = new AuditTrail(new MongoAuditTrail(new TenantCollections(new MongoTemplate(unreachable, "audit-test"))),
                    Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC), "probe",
                    new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));

            trail.record(AuditTrail.Actor.of("harbor", "lead-ann", List.of("quality_lead")), "dashboard.view",
                    Map.of("programId", "prog-unmistakable"), 200, null);
        }

        assertThat(meters.counter(AuditTrail.FAILURES, "action", "dashboard.view").count()).isEqualTo(1);
        assertThat(output.getOut() + output.getErr())
                .contains("Audit record not written: action dashboard.view outcome 200")
                .doesNotContain("prog-unmistakable").doesNotContain("lead-ann").doesNotContain("harbor");
    }
}
