package org.peerpulse.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.peerpulse.contracts.Topics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/** Topics, codec, dead letters and the retry policy shared by every service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class MessagingConfiguration {

    /** Before any record is sent or received: Spring Kafka's own log lines name records by position only. */
    @Bean
    RecordLogging metadataOnlyRecordLogging() {
        return RecordLogging.metadataOnly();
    }

    /**
     * Replaces Boot's {@code kafkaProducerListener}: Spring Kafka's default logs a failed send with its key and the
     * first 100 characters of its payload (an event: agency and program ids, ratings), for example a dead letter
     * the broker refused. This one logs the failure and the topic only.
     */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    ContractRecords contractRecords(EventCodec codec) {
        return new ContractRecords(codec);
    }

    /**
     * The two event topics keep every record for good ({@code retention.ms=-1}): they are the system of
     * record that metrics-service replays from the beginning to rebuild every rollup, which it cannot do
     * once the broker has deleted old segments. Dead-letter topics keep the broker's normal retention. The
     * agencies topic is compacted: each agency's latest snapshot stays for good, older ones go.
     */
    @Bean
    KafkaAdmin.NewTopics peerPulseTopics(KafkaTopicsProperties properties) {
        return new KafkaAdmin.NewTopics(
                kept(topic(Topics.SESSIONS, properties)).build(),
                topic(Topics.deadLetter(Topics.SESSIONS), properties).build(),
                kept(topic(Topics.FEEDBACK, properties)).build(),
                topic(Topics.deadLetter(Topics.FEEDBACK), properties).build(),
                topic(Topics.AGENCIES, properties).compact().build(),
                topic(Topics.deadLetter(Topics.AGENCIES), properties).build());
    }

    private static TopicBuilder topic(String name, KafkaTopicsProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions())
                .replicas(properties.replicationFactor());
    }

    private static TopicBuilder kept(TopicBuilder topic) {
        return topic.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }

    @Bean
    DeadLetterMeters deadLetterMeters(MeterRegistry registry) {
        return new DeadLetterMeters(registry);
    }

    /**
     * Both paths to a dead letter (the error handler's, for record listeners, and {@link DeadLetters}, for
     * batch listeners) go through this recoverer, so it is where they are counted: after the broker took
     * the dead letter, since a failed publish throws and the record is retried instead.
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<String, String> template,
            DeadLetterMeters meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition())) {

            @Override
            public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
                super.accept(record, consumer, exception);
                meters.deadLettered(record.topic());
            }
        };
        // Exception messages and stack traces can quote the payload: keep them out of the dead letter.
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(10));
        return recoverer;
    }

    @Bean
    DeadLetters deadLetters(DeadLetterPublishingRecoverer recoverer) {
        return new DeadLetters(recoverer);
    }

    /**
     * Unreadable records go to the dead-letter topic at once; anything else (a database outage, a broker
     * hiccup) is retried with growing pauses, forever, so a record is never skipped.
     */
    @Bean
    CommonErrorHandler peerPulseErrorHandler(DeadLetterPublishingRecoverer recoverer) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class, DeserializationException.class);
        return handler;
    }
}
