package org.peerpulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

/** What parks an entry: a refusal of the record or its topic, however deeply Spring and the future wrap it. */
class LastingRefusalsTest {

    @Test
    void refusalsOfTheRecordOrItsTopicAreForGood() {
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new RecordTooLargeException("too large"))))
                .isEqualTo("RecordTooLargeException");
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new TopicAuthorizationException("not authorised"))))
                .isEqualTo("TopicAuthorizationException");
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new InvalidTopicException("bad name"))))
                .isEqualTo("InvalidTopicException");
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new InvalidRecordException("no key on a compacted topic"))))
                .isEqualTo("InvalidRecordException");
        assertThat(LastingRefusals.of(new SerializationException("cannot write"))).isEqualTo("SerializationException");
    }

    @Test
    void aBrokerAwayAProducerProblemOrAnythingUnknownIsRetried() {
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new TimeoutException("Expiring 3 record(s)")))).isNull();
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new NotEnoughReplicasException("too few in sync")))).isNull();
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new OutOfOrderSequenceException("sequence")))).isNull();
        assertThat(LastingRefusals.of(asTheRelaySeesIt(new SaslAuthenticationException("password")))).isNull();
        assertThat(LastingRefusals.of(new IllegalStateException("producer closed"))).isNull();
        assertThat(LastingRefusals.of(new java.util.concurrent.TimeoutException("not acknowledged"))).isNull();
    }

    private static Throwable asTheRelaySeesIt(Exception kafkaFailure) {
        return new CompletionException(new KafkaProducerException(new ProducerRecord<>("topic", "value"),
                "Failed to send", kafkaFailure));
    }
}
