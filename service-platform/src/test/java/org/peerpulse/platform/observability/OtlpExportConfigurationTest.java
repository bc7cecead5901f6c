package org.peerpulse.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.peerpulse.platform.config.PlatformDefaults;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With the platform's defaults, Boot's OpenTelemetry auto-configuration and ours: a service that names no
 * OTLP endpoint has no exporter at all (so it never tries to reach a collector), and one that does gets the
 * OTLP/HTTP exporter, behind the scrubber like every exporter.
 */
class OtlpExportConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(context -> new PlatformDefaults().postProcessEnvironment(context.getEnvironment(), null))
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
                    ObservabilityAutoConfiguration.class));

    @Test
    void withoutAnEndpointNothingIsExported() {
        service.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OtlpHttpSpanExporter.class);
            assertThat(context.getBean(SpanExporters.class).list()).isEmpty();
        });
    }

    @Test
    void anEndpointSwitchesOnTheOtlpExporterBehindTheScrubber() {
        service.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces")
                .run(context -> {
                    assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
                    assertThat(context.getBean(SpanExporters.class).list()).singleElement()
                            .isInstanceOf(ScrubbedSpanExporter.class)
                            .extracting(SpanExporter::toString).asString().contains("OtlpHttpSpanExporter");
                });
    }
}
