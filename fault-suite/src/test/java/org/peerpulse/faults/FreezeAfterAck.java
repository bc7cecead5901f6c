package org.peerpulse.faults;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only: the service's Kafka producer freezes the moment the broker's acknowledgement of the first sessions
 * record of agency {@code fault.freeze.agency} arrives, before anything of the service hears of it. A Kafka
 * {@link ProducerInterceptor} sees every acknowledgement on the producer's I/O thread just before the send's
 * callback, which is what completes the future the outbox relay waits on; the interceptor waits there until the
 * test releases it. The records of that produce request are on the broker, their sends never complete, so the
 * relay never clears their entries: the process is as good as dead between the ack and the clear. The I/O thread
 * being stuck, nothing else this producer holds reaches the broker either. The wait gives up after two minutes so
 * a broken test cannot hang the build.
 *
 * <p>The interceptor is added to the producer Boot builds (a {@link DefaultKafkaProducerFactoryCustomizer}), and
 * finds this configuration among the producer's settings, so the test and the interceptor share these latches
 * without static state.
 */
@Configuration(proxyBeanMethods = false)
class FreezeAfterAck {

    /** The producer settings that hand the interceptor this configuration and the agency. */
    private static final String SELF = "fault.freeze-after-ack";
    private static final String AGENCY = "fault.freeze-after-ack.agency";

    /** Counted down once the producer is frozen in the acknowledgement of {@link #frozenAt}. */
    final CountDownLatch frozen = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    /** The event ids of the agency's sessions records handed to the producer. */
    final Set<String> sent = ConcurrentHashMap.newKeySet();
    volatile RecordMetadata frozenAt;
    private final AtomicBoolean armed = new AtomicBoolean(true);

    @Bean
    DefaultKafkaProducerFactoryCustomizer freezeAtTheFirstAcknowledgementOfTheAgency(
            @Value("${fault.freeze.agency}") String agency) {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, List.of(Interceptor.class),
                SELF, this,
                AGENCY, agency));
    }

    /** Made by the Kafka producer, which hands it its settings, this configuration and the agency among them. */
    public static final class Interceptor implements ProducerInterceptor<Object, Object> {

        private FreezeAfterAck freeze;
        private String agency;

        public Interceptor() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
            freeze = (FreezeAfterAck) configs.get(SELF);
            agency = (String) configs.get(AGENCY);
        }

        @Override
        public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
            String eventId = eventId(record.headers());
            if (Topics.SESSIONS.equals(record.topic()) && agency.equals(record.key()) && eventId != null) {
                freeze.sent.add(eventId);
            }
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception, Headers headers) {
            String eventId = headers == null ? null : eventId(headers);
            if (exception == null && Topics.SESSIONS.equals(metadata.topic()) && eventId != null
                    && freeze.sent.contains(eventId) && freeze.armed.compareAndSet(true, false)) {
                freeze.frozenAt = metadata;
                freeze.frozen.countDown();
                freeze.awaitRelease();
            }
        }

        @Override
        public void close() {
        }

        private static String eventId(Headers headers) {
            Header id = headers.lastHeader(CloudEvents.ID);
            return id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
        }
    }

    private void awaitRelease() {
        try {
            if (!release.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the frozen producer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
