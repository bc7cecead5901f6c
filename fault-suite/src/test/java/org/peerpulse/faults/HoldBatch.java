package org.peerpulse.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.peerpulse.contracts.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Test-only: the first sessions batch that carries agency {@code fault.hold.agency} waits on the consumer
 * thread, just before the listener gets it, until the test releases it: a listener that takes as long as the
 * test wants, without sleeping. Every later delivery of the agency's records is counted, so a test can see a
 * batch delivered again. The wait gives up after two minutes so a broken test cannot hang the build.
 */
@Configuration(proxyBeanMethods = false)
class HoldBatch {

    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    /** Per partition of the held batch, the offset after its last record: what a commit of it would store. */
    final Map<TopicPartition, Long> heldUpTo = new ConcurrentHashMap<>();
    final List<ConsumerRecord<Object, Object>> heldRecords = new ArrayList<>();
    /** How often each of the agency's sessions records (by partition and offset) reached the listener. */
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicBoolean armed = new AtomicBoolean(true);

    @Bean
    BatchInterceptor<Object, Object> holdTheFirstSessionsBatchOfTheAgency(@Value("${fault.hold.agency}") String agency) {
        return (records, consumer) -> {
            List<ConsumerRecord<Object, Object>> ours = new ArrayList<>();
            records.forEach(r -> {
                if (Topics.SESSIONS.equals(r.topic()) && agency.equals(r.key())) {
                    ours.add(r);
                    deliveries.computeIfAbsent(r.partition() + "@" + r.offset(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            });
            if (!ours.isEmpty() && armed.compareAndSet(true, false)) {
                heldRecords.addAll(ours);
                records.partitions().forEach(partition -> {
                    List<ConsumerRecord<Object, Object>> inPartition = records.records(partition);
                    heldUpTo.put(partition, inPartition.get(inPartition.size() - 1).offset() + 1);
                });
                held.countDown();
                awaitRelease();
            }
            return records;
        };
    }

    /** How many of the held records reached the listener again after the hold. */
    long heldRecordsDeliveredAgain() {
        return heldRecords.stream().filter(r -> deliveries.get(r.partition() + "@" + r.offset()).get() > 1).count();
    }

    private void awaitRelease() {
        try {
            if (!release.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the held batch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
