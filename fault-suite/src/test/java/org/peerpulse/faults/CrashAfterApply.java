package org.peerpulse.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.peerpulse.contracts.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Test-only: the first sessions batch that carries agency {@code fault.crash.agency} is applied by the listener
 * as usual, and then, before the container commits its offsets, an {@link Error} is thrown on the consumer
 * thread, as a crash at that moment would. Spring Kafka stops that consumer without committing (a fatal error),
 * so whoever reads the partition next gets the applied records again.
 */
@Configuration(proxyBeanMethods = false)
class CrashAfterApply {

    /** What the "crash" throws: an Error, which no error handler may swallow. */
    static final class InjectedCrash extends Error {

        private static final long serialVersionUID = 1L;

        InjectedCrash() {
            super("injected crash after the batch was applied, before its offsets were committed");
        }
    }

    final CountDownLatch crashed = new CountDownLatch(1);
    final List<ConsumerRecord<Object, Object>> crashedBatch = new ArrayList<>();
    private final AtomicBoolean armed = new AtomicBoolean(true);

    @Bean
    BatchInterceptor<Object, Object> crashAfterTheFirstAppliedBatchOfTheAgency(
            @Value("${fault.crash.agency}") String agency) {
        return new BatchInterceptor<>() {

            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                    Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                List<ConsumerRecord<Object, Object>> all = new ArrayList<>();
                records.forEach(all::add);
                boolean ours = all.stream().anyMatch(r -> Topics.SESSIONS.equals(r.topic()) && agency.equals(r.key()));
                if (ours && armed.compareAndSet(true, false)) {
                    crashedBatch.addAll(all);
                    crashed.countDown();
                    throw new InjectedCrash();
                }
            }
        };
    }
}
