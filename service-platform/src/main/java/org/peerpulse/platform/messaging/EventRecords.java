package org.peerpulse.platform.messaging;

import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the Kafka record for an event: agency key, JSON value, CloudEvents headers. */
public final class EventRecords {

    private EventRecords() {
    }

    public static ProducerRecord<String, String> of(String topic, String key, String eventId, String type,
            Instant occurredAt, String source, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.ID, CloudEvents.bytes(eventId));
        headers.add(CloudEvents.TYPE, CloudEvents.bytes(type));
        headers.add(CloudEvents.SOURCE, CloudEvents.bytes(source));
        headers.add(CloudEvents.TIME, CloudEvents.bytes(occurredAt.toString()));
        headers.add(CloudEvents.SPEC_VERSION, CloudEvents.bytes("1.0"));
        headers.add(CloudEvents.CONTENT_TYPE, CloudEvents.bytes("application/json"));
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }
}
