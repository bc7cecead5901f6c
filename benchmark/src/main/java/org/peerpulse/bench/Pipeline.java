package org.peerpulse.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.peerpulse.contracts.Topics;

/**
 * How fast metrics-service applies events to rollups: put N events on the two topics as fast as the
 * broker takes them, then watch its consumer group's committed offsets (it commits a batch only after the
 * rollups took it) until the lag is zero. The agencies are chosen so every partition carries load, as
 * Kafka's consumer perf tool reads every partition.
 */
final class Pipeline implements AutoCloseable {

    static final String GROUP = "metrics-service";

    private final Admin admin;
    private final String bootstrap;

    Pipeline(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * @param eventsPerSec applied events ÷ seconds over {@code window}
     * @param window "after the load" (producer done, the consumer alone) or "whole run" when the consumer kept up
     *     with the producer and little was left after it finished
     * @param samples seconds since the start, events produced, events applied
     */
    record Result(long events, double loadSeconds, double catchUpSeconds, double eventsPerSec,
            double overallEventsPerSec, String window, boolean caughtUp, List<double[]> samples) {
    }

    int partitions() throws Exception {
        return admin.describeTopics(List.of(Topics.SESSIONS)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(Topics.SESSIONS).partitions().size();
    }

    /** Agencies whose keys land on every partition of the topics (Kafka's default partitioner: murmur2). */
    static List<String> agenciesCovering(int partitions) {
        Map<Integer, String> byPartition = new HashMap<>();
        byPartition.put(partition("harbor", partitions), "harbor");
        for (int i = 1; byPartition.size() < partitions; i++) {
            byPartition.putIfAbsent(partition("bench-agency-" + i, partitions), "bench-agency-" + i);
        }
        return List.copyOf(byPartition.values());
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    /** Waits until the group has nothing left to apply (earlier phases' events), for at most {@code seconds}. */
    boolean awaitNoLag(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (applied() >= endOffsets()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    Result run(List<SyntheticMonth> months, long events, Progress progress) throws Exception {
        long pairs = events / 2;
        long applied0 = applied();
        AtomicLong produced = new AtomicLong();
        List<double[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        Thread producer = new Thread(() -> {
            try (KafkaLoad load = new KafkaLoad(bootstrap)) {
                for (long i = 0; i < pairs; i++) {
                    load.send(months.get((int) (i % months.size())).session(i / months.size()));
                    produced.addAndGet(2);
                }
                load.flush();
            }
        }, "pipeline-load");
        producer.setDaemon(true);
        producer.start();
        double loadSeconds = -1;
        long appliedAtFlush = 0;
        long target = Long.MAX_VALUE;
        long timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(180, events / 500));
        long lastSay = 0;
        while (true) {
            Thread.sleep(250);
            double t = (System.nanoTime() - start) / 1e9;
            long applied = applied() - applied0;
            samples.add(new double[] { t, produced.get(), applied });
            if (loadSeconds < 0 && !producer.isAlive()) {
                loadSeconds = t;
                appliedAtFlush = applied;
                target = endOffsets() - applied0;
                progress.say("  %,d events on the topics after %.1f s; %,d applied so far", produced.get(), t, applied);
            }
            if (loadSeconds >= 0 && applied >= target) {
                break;
            }
            if (System.nanoTime() - start > timeoutNanos) {
                progress.say("  gave up waiting after %.0f s: %,d of %,d applied", t, applied, produced.get());
                double rate = applied / t;
                return new Result(events, loadSeconds, t, rate, rate, "whole run (timed out)", false, samples);
            }
            if (System.nanoTime() - lastSay > TimeUnit.SECONDS.toNanos(5)) {
                lastSay = System.nanoTime();
                progress.say("  produced %,d, applied %,d", produced.get(), applied);
            }
        }
        double done = samples.get(samples.size() - 1)[0];
        long total = (long) samples.get(samples.size() - 1)[2];
        double overall = total / done;
        long afterLoad = total - appliedAtFlush;
        double afterSeconds = done - loadSeconds;
        boolean useAfter = afterLoad >= 0.2 * total && afterSeconds >= 2;
        double rate = useAfter ? afterLoad / afterSeconds : overall;
        progress.say("  applied %,d events in %.1f s: %,.0f events/s (%s)", total, done, rate,
                useAfter ? "after the load" : "whole run");
        return new Result(events, loadSeconds, done, rate, overall, useAfter ? "after the load" : "whole run", true, samples);
    }

    /** Offsets the group has committed on the two topics, summed: the events metrics-service has applied. */
    long applied() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(e -> isOurs(e.getKey()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    long endOffsets() throws Exception {
        Collection<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(List.of(Topics.SESSIONS, Topics.FEEDBACK)).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
    }

    private static boolean isOurs(TopicPartition partition) {
        return partition.topic().equals(Topics.SESSIONS) || partition.topic().equals(Topics.FEEDBACK);
    }

    @Override
    public void close() {
        admin.close();
    }
}
