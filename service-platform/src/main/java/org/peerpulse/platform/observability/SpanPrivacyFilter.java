package org.peerpulse.platform.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.List;
import java.util.Set;

/**
 * Keeps what observations carry to spans to what describes the code path, never what a caller sent. Every
 * observation's low-cardinality key values are bounded by design (they become meter tags too: a URI
 * template such as {@code /f/{token}}, a method, a status, an exception's class name), so they stay. Its
 * high-cardinality ones are where request data lands (the HTTP server's {@code http.url} is the raw path,
 * which for a participant is {@code /f/<their token>}; a client's is the full URL with its query), so only
 * the Kafka positions named here survive: a new instrumentation has to be allowed in, not caught out.
 */
public class SpanPrivacyFilter implements ObservationFilter {

    /** High-cardinality keys that name a position, not content: partition, offset, which consumer. */
    static final Set<String> ALLOWED_HIGH_CARDINALITY = Set.of("messaging.kafka.source.partition",
            "messaging.kafka.message.offset", "messaging.kafka.client_id", "messaging.consumer.id");

    @Override
    public Observation.Context map(Observation.Context context) {
        List<String> dropped = context.getHighCardinalityKeyValues().stream()
                .map(KeyValue::getKey)
                .filter(key -> !ALLOWED_HIGH_CARDINALITY.contains(key))
                .toList();
        dropped.forEach(context::removeHighCardinalityKeyValue);
        return context;
    }
}
