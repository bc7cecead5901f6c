package org.peerpulse.platform.messaging;

import org.springframework.kafka.support.KafkaUtils;

/**
 * How Spring Kafka names a record in its own log lines. Out of the box a consumer record is named by its
 * position but a producer record by {@code ProducerRecord.toString()}, value and headers included, which
 * a failed send (the outbox relay during a broker outage) would write to the log. Both are named by
 * position only here, so no payload reaches a log through the library either.
 */
public final class RecordLogging {

    private RecordLogging() {
    }

    /** Installs the metadata-only names; Spring Kafka keeps them process-wide. */
    public static RecordLogging metadataOnly() {
        KafkaUtils.setConsumerRecordFormatter(record -> record.topic() + "-" + record.partition() + "@" + record.offset());
        KafkaUtils.setProducerRecordFormatter(record -> record.topic() + "-"
                + (record.partition() == null ? "?" : record.partition().toString()));
        return new RecordLogging();
    }
}
