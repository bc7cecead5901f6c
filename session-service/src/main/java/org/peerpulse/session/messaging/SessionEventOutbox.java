package org.peerpulse.session.messaging;

import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.outbox.OutboxEntry;

/** Translates session events into outbox entries for {@link Topics#SESSIONS}. */
public class SessionEventOutbox {

    private final EventCodec codec;

    public SessionEventOutbox(EventCodec codec) {
        this.codec = codec;
    }

    public OutboxEntry entryFor(PeerPulseEvent event) {
        return OutboxEntry.of(event, Topics.SESSIONS, codec);
    }
}
