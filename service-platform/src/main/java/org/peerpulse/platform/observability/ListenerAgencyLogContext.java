package org.peerpulse.platform.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Names the agency in the log lines a Kafka listener writes while it handles a record: the record's key is
 * the agency id by contract. Tied to the listener observation's scope, which the container opens around the
 * listener and its error handler and closes afterwards, on success and failure alike.
 */
public class ListenerAgencyLogContext implements ObservationHandler<KafkaRecordReceiverContext> {

    @Override
    public void onScopeOpened(KafkaRecordReceiverContext context) {
        AgencyLogContext.enter(context.getCarrier().key());
    }

    @Override
    public void onScopeClosed(KafkaRecordReceiverContext context) {
        AgencyLogContext.leave();
    }

    @Override
    public void onScopeReset(KafkaRecordReceiverContext context) {
        AgencyLogContext.leave();
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof KafkaRecordReceiverContext;
    }
}
