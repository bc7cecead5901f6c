package org.peerpulse.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaUtils;

class RecordLoggingTest {

    private static final String PAYLOAD = "{\"participantPseudonym\":\"p-4711\",\"tokenHash\":\"ab12\"}";

    @Test
    void springKafkaNamesRecordsByTheirPositionOnly() {
        RecordLogging.metadataOnly();
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.ID, "evt-1".getBytes(StandardCharsets.UTF_8));

        String sent = KafkaUtils.format(new ProducerRecord<>("peerpulse.sessions.v1", 2, "harbor", PAYLOAD, headers));
        String received = KafkaUtils.format(new ConsumerRecord<>("peerpulse.sessions.v1", 2, 41L, "harbor", PAYLOAD));

        assertThat(sent).isEqualTo("peerpulse.sessions.v1-2");
        assertThat(received).isEqualTo("peerpulse.sessions.v1-2@41");
    }
}
