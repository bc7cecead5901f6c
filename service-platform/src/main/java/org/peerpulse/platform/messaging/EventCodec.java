package org.peerpulse.platform.messaging;

import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.PeerPulseEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract records to and from their wire JSON. Its own mapper, not the application's, so that a change
 * to a service's web JSON settings can never change what goes on a topic. Unknown fields are ignored and a
 * missing field is read as absent (the contracts only ever grow: a record written before a field was added
 * lacks it); a missing primitive is an error, not a silent zero, and a record without its identity (id, time,
 * agency) is refused by the record itself. Either is an {@link UnreadableEventException}.
 */
public class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    public String write(PeerPulseEvent event) {
        return mapper.writeValueAsString(event);
    }

    public <T extends PeerPulseEvent> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableEventException("payload does not match " + type.getSimpleName(), e);
        }
    }

    /** Reads a payload whose type is named by its CloudEvents {@code ce_type}. */
    public PeerPulseEvent read(String ceType, String json) {
        Class<? extends PeerPulseEvent> type = EventTypes.recordFor(ceType)
                .orElseThrow(() -> new UnreadableEventException("unknown event type", null));
        return read(json, type);
    }
}
