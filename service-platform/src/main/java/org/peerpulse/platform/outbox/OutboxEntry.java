package org.peerpulse.platform.outbox;

import java.time.Instant;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.observability.TraceParents;

/**
 * An event waiting in its document to be published, already in its wire form.
 *
 * @param key the Kafka record key: the agency id
 * @param type the CloudEvents type
 * @param payload the contract JSON
 * @param traceParent the W3C traceparent of the request that caused the event, so the relay's send and the
 *     consumers join that trace; null when it was stored outside a trace (or before entries carried one)
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload,
        Instant occurredAt, String traceParent) {

    /** Fields of an outboxed Mongo document that the relay reads and writes. */
    public static final String OUTBOX_FIELD = "outbox";
    public static final String PENDING_FIELD = "outboxPending";

    public static OutboxEntry of(PeerPulseEvent event, String topic, EventCodec codec) {
        return new OutboxEntry(event.eventId().toString(), topic, event.agencyId(), EventTypes.typeOf(event),
                codec.write(event), event.occurredAt(), TraceParents.current());
    }
}
