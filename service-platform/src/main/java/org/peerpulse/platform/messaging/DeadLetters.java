package org.peerpulse.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends a record that can never be processed to {@code <topic>-dlt}, for a listener that handles a batch
 * itself. Waits for the broker's acknowledgement and throws if it does not come, so the batch is retried
 * rather than the record lost. Logs topic, partition and offset only.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;

    public DeadLetters(DeadLetterPublishingRecoverer recoverer) {
        this.recoverer = recoverer;
    }

    public void send(ConsumerRecord<?, ?> record, Exception reason) {
        log.warn("Dead-lettering record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                reason.getClass().getSimpleName());
        recoverer.accept(record, reason);
    }
}
