package org.peerpulse.platform.outbox;

import java.util.List;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Which failed sends will fail the same way however often they are repeated, so the relay parks the entry
 * instead of retrying it forever: what the producer or broker refuses because of the record itself or its
 * topic. Everything else is retried, including all of Kafka's {@link RetriableException}s (a broker away, too
 * few in-sync replicas, a timeout), errors of the producer as a whole (authentication, a fenced or
 * out-of-sequence producer: no entry is to blame for those) and anything unknown; a wrong guess there
 * costs retries, a wrong guess here would take an event off its way.
 */
final class LastingRefusals {

    /**
     * From kafka-clients' hierarchy: a record larger than {@code max.request.size} or the topic's
     * {@code max.message.bytes} ({@link RecordTooLargeException}; a batch of one such record,
     * {@link RecordBatchTooLargeException}), a record the broker finds invalid for its topic
     * ({@link InvalidRecordException}), a topic name the broker rejects ({@link InvalidTopicException}), a topic
     * this service may not write to ({@link TopicAuthorizationException}), a key or value the serializer
     * cannot write ({@link SerializationException}).
     */
    private static final List<Class<? extends Throwable>> LASTING = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidRecordException.class, InvalidTopicException.class,
            TopicAuthorizationException.class, SerializationException.class);

    /** Kafka's exceptions reach the relay wrapped (a CompletionException, Spring's KafkaProducerException). */
    private static final int CAUSES_READ = 10;

    private LastingRefusals() {
    }

    /** The simple class name of the refusal that will never change, or null when the send may succeed later. */
    static String of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSES_READ; depth++) {
            if (cause instanceof RetriableException) {
                return null;
            }
            for (Class<? extends Throwable> lasting : LASTING) {
                if (lasting.isInstance(cause)) {
                    return cause.getClass().getSimpleName();
                }
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return null;
    }
}
