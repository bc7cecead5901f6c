package org.peerpulse.platform.observability;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across the outbox, which publishes later and on another thread than the request that
 * stored the event. The request's W3C {@code traceparent} is kept in the outbox entry; when the relay sends
 * the entry it makes that context current, so the Kafka template's send span, and through its headers the
 * consumer's span, join the request's trace instead of starting one of their own.
 *
 * <p>Static, like OpenTelemetry's own {@link Context#current()}: an outbox entry is built in persistence
 * code that has no Spring beans at hand, and the context it reads is thread-bound anyway.
 */
public final class TraceParents {

    static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {
    }

    /** The {@code traceparent} of the span current on this thread, or null outside any trace. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} with the given trace as the current context, so spans it starts are children of that
     * trace's span; without a (valid) traceparent it runs as it would have.
     */
    public static <T> T within(String traceparent, Supplier<T> work) {
        if (traceparent == null || traceparent.isBlank()) {
            return work.get();
        }
        Context parent = W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
        try (Scope scope = parent.makeCurrent()) {
            return work.get();
        }
    }
}
