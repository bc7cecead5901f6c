package org.peerpulse.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The agency is in the MDC exactly while a verified caller's request or a record of that agency is handled,
 * and gone afterwards, also after a failure: threads go on to serve other agencies.
 */
class AgencyLogContextTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    @Test
    void aRequestOfAVerifiedCallerNamesTheTokensAgencyUntilItIsAnswered() throws Exception {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("agency", "harbor")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
        AtomicReference<String> during = new AtomicReference<>();

        new AgencyLogFilter().doFilter(new MockHttpServletRequest("GET", "/api/v1/sessions"),
                new MockHttpServletResponse(), new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest request,
                            jakarta.servlet.http.HttpServletResponse response) {
                        during.set(MDC.get(AgencyLogContext.MDC_KEY));
                    }
                }));

        assertThat(during).hasValue("harbor");
        assertThat(MDC.get(AgencyLogContext.MDC_KEY)).isNull();
    }

    @Test
    void anAnonymousRequestNamesNoAgency() throws Exception {
        AtomicReference<Map<String, String>> during = new AtomicReference<>();

        new AgencyLogFilter().doFilter(new MockHttpServletRequest("GET", "/f/tok-1"), new MockHttpServletResponse(),
                (request, response) -> during.set(MDC.getCopyOfContextMap()));

        assertThat(during.get() == null ? Map.of() : during.get()).doesNotContainKey(AgencyLogContext.MDC_KEY);
    }

    @Test
    void aListenerNamesTheRecordsAgencyWhileItRunsAndNotAfterItFails() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ListenerAgencyLogContext());
        KafkaRecordReceiverContext context = new KafkaRecordReceiverContext(
                new ConsumerRecord<>("peerpulse.sessions.v1", 0, 7L, "sunrise", "{}"), "l", "c", "g", () -> "k");
        AtomicReference<String> during = new AtomicReference<>();

        assertThatThrownBy(() -> KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE, () -> context, registry)
                .observe(() -> {
                    during.set(MDC.get(AgencyLogContext.MDC_KEY));
                    throw new IllegalStateException("the database is down");
                })).isInstanceOf(IllegalStateException.class);

        assertThat(during).hasValue("sunrise");
        assertThat(MDC.get(AgencyLogContext.MDC_KEY)).isNull();
    }
}
