package org.peerpulse.platform.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The last gate before a span leaves the process. A failed observation records its exception on the span:
 * an {@code exception} event with the message and stack trace, and the message again as the status
 * description. A message can quote what failed to parse (a Jackson error shows part of the payload) or
 * whatever a library put there, so only the exception's type is exported. Attributes that name a full URL,
 * a path, a query or a statement are dropped too, whichever instrumentation set them, as a second line
 * behind {@link SpanPrivacyFilter}.
 */
public class ScrubbedSpanExporter implements SpanExporter {

    static final Set<String> DROPPED_ATTRIBUTES = Set.of("http.url", "http.target", "url.full", "url.path",
            "url.query", "db.statement", "db.query.text", "messaging.kafka.message.key", "exception.message",
            "exception.stacktrace");

    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

    private final SpanExporter delegate;

    public ScrubbedSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().map(Scrubbed::new).map(SpanData.class::cast).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "Scrubbed(" + delegate + ")";
    }

    private static final class Scrubbed extends DelegatingSpanData {

        private final Attributes attributes;
        private final List<EventData> events;
        private final StatusData status;

        Scrubbed(SpanData span) {
            super(span);
            this.attributes = withoutDropped(span.getAttributes());
            this.events = span.getEvents().stream().map(Scrubbed::event).toList();
            this.status = StatusData.create(span.getStatus().getStatusCode(), "");
        }

        private static Attributes withoutDropped(Attributes attributes) {
            AttributesBuilder kept = Attributes.builder();
            attributes.forEach((key, value) -> {
                if (!DROPPED_ATTRIBUTES.contains(key.getKey())) {
                    put(kept, key, value);
                }
            });
            return kept.build();
        }

        @SuppressWarnings("unchecked")
        private static void put(AttributesBuilder builder, AttributeKey<?> key, Object value) {
            builder.put((AttributeKey<Object>) key, value);
        }

        private static EventData event(EventData event) {
            if ("exception".equals(event.getName())) {
                String type = event.getAttributes().get(EXCEPTION_TYPE);
                return EventData.create(event.getEpochNanos(), event.getName(),
                        type == null ? Attributes.empty() : Attributes.of(EXCEPTION_TYPE, type));
            }
            return EventData.create(event.getEpochNanos(), event.getName(), withoutDropped(event.getAttributes()));
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public int getTotalAttributeCount() {
            return attributes.size();
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public int getTotalRecordedEvents() {
            return events.size();
        }

        @Override
        public StatusData getStatus() {
            return status;
        }
    }
}
