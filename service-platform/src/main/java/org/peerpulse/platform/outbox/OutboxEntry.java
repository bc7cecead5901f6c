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
    /**
     * Entries the broker refused for good, moved here by the relay: each is the entry as it was, plus
     * {@value #PARKED_AT_FIELD} and {@value #REFUSAL_FIELD} (the refusing exception's simple class name, never its
     * message). An operator moves them back to {@value #OUTBOX_FIELD} once the cause is fixed (docs/operations.md).
     */
    public static final String PARKED_FIELD = "outboxParked";
    public static final String PARKED_AT_FIELD = "parkedAt";
    public static final String REFUSAL_FIELD = "refusal";

    public static OutboxEntry of(PeerPulseEvent event, String topic, EventCodec codec) {
        return new OutboxEntry(event.eventId().toString(), topic, event.agencyId(), EventTypes.typeOf(event),
                codec.write(event), event.occurredAt(), TraceParents.current());
    }
}
