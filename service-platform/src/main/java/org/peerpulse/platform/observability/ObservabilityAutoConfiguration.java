package org.peerpulse.platform.observability;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;

/**
 * Tracing and log correlation for every service. Boot's own auto-configuration builds the OpenTelemetry SDK,
 * the Micrometer bridge, the W3C propagation and (only when an OTLP endpoint is configured) the exporter;
 * this adds what PeerPulse decides on top: spans that carry no request data, exporters that see only
 * scrubbed spans, and the caller's agency in the log lines of requests and Kafka listeners.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure"
        + ".OpenTelemetryTracingAutoConfiguration")
public class ObservabilityAutoConfiguration {

    @Bean
    SpanPrivacyFilter spanPrivacyFilter() {
        return new SpanPrivacyFilter();
    }

    /** Replaces Boot's list of exporters: the same exporter beans, each behind the scrubber. */
    @Bean
    SpanExporters spanExporters(ObjectProvider<SpanExporter> exporters) {
        return SpanExporters.of(exporters.orderedStream()
                .map(exporter -> (SpanExporter) new ScrubbedSpanExporter(exporter)).toList());
    }

    @Bean
    ListenerAgencyLogContext listenerAgencyLogContext() {
        return new ListenerAgencyLogContext();
    }

    /**
     * A batch listener handles records of many traces at once, so no one trace can cover the batch; Spring
     * Kafka records one receive span per record instead, each in its producer's trace. A service whose
     * batches are many thousands of records a second (metrics-service) switches this off with
     * {@code peerpulse.tracing.record-observations-in-batch=false}: those spans were a third of its consumer's
     * CPU, and its batches are timed by Spring Kafka's own listener timer and its own meters instead.
     */
    @Bean
    static BeanPostProcessor recordObservationsInBatch(Environment environment) {
        boolean perRecord = environment.getProperty("peerpulse.tracing.record-observations-in-batch", Boolean.class,
                true);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    factory.getContainerProperties().setRecordObservationsInBatch(perRecord);
                }
                return bean;
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    static class AgencyInRequestLogs {

        /** After Spring Security's chain (order -100), which verifies the token the agency is read from. */
        @Bean
        FilterRegistrationBean<AgencyLogFilter> agencyLogFilter() {
            FilterRegistrationBean<AgencyLogFilter> registration = new FilterRegistrationBean<>(new AgencyLogFilter());
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
            return registration;
        }
    }
}
