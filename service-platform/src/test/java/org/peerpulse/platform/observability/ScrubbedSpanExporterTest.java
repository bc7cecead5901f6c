package org.peerpulse.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A span as the Micrometer bridge ends a failed observation (the exception recorded, its message as the
 * status description), through the real SDK: what reaches the exporter names the exception's type only,
 * keeps the status and the bounded attributes, and drops URL-like attributes whoever set them.
 */
class ScrubbedSpanExporterTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new ScrubbedSpanExporter(exported))).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aFailedSpanNamesTheExceptionsTypeButNotItsMessage() {
        String quoted = "{\"comment\":\"my neighbour hit me\"}";
        Span span = tracer.spanBuilder("peerpulse.feedback.v1 process").startSpan();
        span.setAttribute("messaging.kafka.message.offset", "41");
        span.setAttribute("url.full", "http://127.0.0.1:8082/f/tok-8f3a9c?lang=es");
        span.addEvent("retry", Attributes.of(AttributeKey.stringKey("http.url"),
                "/f/tok-8f3a9c"));
        IllegalArgumentException failure = new IllegalArgumentException("cannot read " + quoted);
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getMessage());
        span.end();

        SpanData data = exported.getFinishedSpanItems().get(0);
        assertThat(data.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(data.getStatus().getDescription()).isEmpty();
        assertThat(data.getAttributes().asMap()).containsOnlyKeys(AttributeKey.stringKey("messaging.kafka.message.offset"));
        assertThat(data.getEvents()).hasSize(2);
        assertThat(data.getEvents().get(1).getName()).isEqualTo("exception");
        assertThat(data.getEvents().get(1).getAttributes().asMap()).containsOnly(
                Map.entry(AttributeKey.stringKey("exception.type"), IllegalArgumentException.class.getName()));
        assertThat(data.toString()).doesNotContain("my neighbour").doesNotContain("tok-8f3a9c");
    }
}
