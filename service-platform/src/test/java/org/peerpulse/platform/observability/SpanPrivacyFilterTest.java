package org.peerpulse.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerHttpObservationDocumentation;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Observations as Spring MVC and Spring Kafka make them, through a registry with the filter: what a tracing
 * handler would turn into span attributes keeps the URI template and the record's position, never the
 * participant's token in the path nor anything of the record.
 */
class SpanPrivacyFilterTest {

    private final Map<String, String> stopped = new LinkedHashMap<>();
    private final ObservationRegistry registry = ObservationRegistry.create();

    SpanPrivacyFilterTest() {
        registry.observationConfig().observationFilter(new SpanPrivacyFilter())
                .observationHandler(new ObservationHandler<>() {
                    @Override
                    public void onStop(Observation.Context context) {
                        context.getAllKeyValues().forEach(keyValue -> stopped.put(keyValue.getKey(), keyValue.getValue()));
                    }

                    @Override
                    public boolean supportsContext(Observation.Context context) {
                        return true;
                    }
                });
    }

    @Test
    void aParticipantsFormRequestKeepsItsTemplateButNotItsToken() {
        String token = "tok-8f3a9c";
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/f/" + token);
        request.setQueryString("lang=es&token=" + token);
        ServerRequestObservationContext context = new ServerRequestObservationContext(request,
                new MockHttpServletResponse());
        context.setPathPattern("/f/{token}");

        ServerHttpObservationDocumentation.HTTP_SERVLET_SERVER_REQUESTS.observation(null,
                new DefaultServerRequestObservationConvention(), () -> context, registry).start().stop();

        assertThat(stopped).containsEntry("uri", "/f/{token}").containsEntry("method", "POST")
                .doesNotContainKey("http.url");
        assertThat(stopped.values()).noneMatch(value -> value.contains(token));
    }

    @Test
    void aReceivedRecordKeepsItsPositionButNotItsKeyOrValue() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("peerpulse.feedback.v1", 2, 41L, "harbor",
                "{\"comment\":\"it hurt\"}");
        KafkaRecordReceiverContext context = new KafkaRecordReceiverContext(record, "listener-1", "client-1",
                "group-1", () -> "cluster-1");

        KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE, () -> context, registry)
                .start().stop();

        assertThat(stopped).containsEntry("messaging.kafka.source.partition", "2")
                .containsEntry("messaging.kafka.message.offset", "41")
                .containsEntry("messaging.source.name", "peerpulse.feedback.v1");
        assertThat(stopped.values()).noneMatch(value -> value.contains("it hurt") || value.equals("harbor"));
    }

    @Test
    void anyOtherHighCardinalityValueIsDropped() {
        Observation.Context context = new Observation.Context();
        context.addLowCardinalityKeyValue(KeyValue.of("outcome", "SUCCESS"));
        context.addHighCardinalityKeyValue(KeyValue.of("db.statement", "{find: invitations, token: tok-1}"));

        Observation.createNotStarted("some.new.instrumentation", () -> context, registry).start().stop();

        assertThat(stopped).containsOnlyKeys("outcome");
    }
}
