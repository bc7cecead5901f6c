package org.peerpulse.platform.outbox;

import java.util.Arrays;
import java.util.List;

import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.platform.messaging.EventCodec;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How a producing service puts an event into the document whose change it announces (decision 0001), the same
 * way in every service: a new document starts with its entries, a change appends one in the same update and
 * marks the document pending. The relay publishes them in array order, so an entry appended later lands later on
 * the partition. The service's persistence adapter calls it; its messaging package has nothing to do with it.
 */
public class Outbox {

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /** The outbox of a document inserted together with these events, in this order. */
    public List<OutboxEntry> entries(String topic, PeerPulseEvent... events) {
        return Arrays.stream(events).map(event -> OutboxEntry.of(event, topic, codec)).toList();
    }

    /** {@code update}, also appending {@code event} to the document's outbox and marking it pending. */
    public Update append(Update update, String topic, PeerPulseEvent event) {
        return update.push(OutboxEntry.OUTBOX_FIELD, OutboxEntry.of(event, topic, codec))
                .set(OutboxEntry.PENDING_FIELD, true);
    }
}
