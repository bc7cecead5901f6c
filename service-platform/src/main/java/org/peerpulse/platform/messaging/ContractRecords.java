package org.peerpulse.platform.messaging;

import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peerpulse.contracts.PeerPulseEvent;

/** Turns consumed Kafka records into contract events, or says clearly why it cannot. */
public class ContractRecords {

    private final EventCodec codec;

    public ContractRecords(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * @throws UnreadableEventException when the type is unknown, the JSON does not fit, or the record key
     *     is not the event's agency
     */
    public PeerPulseEvent read(ConsumerRecord<String, String> record) {
        String type = CloudEvents.header(record.headers(), CloudEvents.TYPE)
                .orElseThrow(() -> new UnreadableEventException("record has no ce_type header", null));
        if (record.value() == null) {
            throw new UnreadableEventException("record has no value", null);
        }
        PeerPulseEvent event = codec.read(type, record.value());
        if (event.eventId() == null || event.agencyId() == null || !Objects.equals(record.key(), event.agencyId())) {
            throw new UnreadableEventException("record key, event id or agency missing or inconsistent", null);
        }
        return event;
    }
}
