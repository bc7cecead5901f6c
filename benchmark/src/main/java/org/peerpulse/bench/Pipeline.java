package org.peerpulse.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.peerpulse.contracts.Topics;

/**
 * How fast metrics-service applies events to rollups under sustained load: events on the two topics keep
 * its consumer group lagging, and its committed offsets (it commits a batch only after the rollups took it)
 * say how many it applied. The agencies are chosen so every partition carries load, as
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
     * @param events put on the topics
     * @param loadSeconds how long the sustained load lasted
     * @param drainSeconds how long the lag left at the end took to reach zero (not part of the rate)
     * @param eventsPerSec applied events ÷ seconds over {@code window}
     * @param meterEventsPerSec the same window by metrics-service's own meter, null where it is not scraped
     * @param caughtUp whether the lag reached zero afterwards
     * @param samples seconds since the start, events produced, events applied
     */
    record Result(long events, double loadSeconds, double drainSeconds, double eventsPerSec,
            double overallEventsPerSec, Double meterEventsPerSec, String window, boolean caughtUp,
            List<double[]> samples) {
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

    /**
     * Sustained load for {@code seconds}: the producer keeps the group's lag at about ten seconds of its own
     * recent rate (at least {@code 5,000} events), so metrics-service never waits for work and the topics do
     * not pile up more than it can drain; at most {@code maxEvents}. The rate is taken after {@code warmUp}
     * seconds (the first fill, the JIT) to the end; then the producer stops and the rest drains unmeasured.
     */
    Result run(List<SyntheticMonth> months, long maxEvents, int seconds, int warmUp, IndicatorMeters meters,
            Progress progress) throws Exception {
        long applied0 = applied();
        Double meterAtFrom = null;
        AtomicLong produced = new AtomicLong();
        AtomicLong appliedNow = new AtomicLong();
        AtomicLong wantedLag = new AtomicLong(5_000);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<double[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        Thread producer = new Thread(() -> {
            try (KafkaLoad load = new KafkaLoad(bootstrap)) {
                long pair = 0;
                while (!stop.get() && produced.get() < maxEvents) {
                    if (produced.get() - appliedNow.get() >= wantedLag.get()) {
                        load.flush();
                        LockSupport.parkNanos(20_000_000);
                        continue;
                    }
                    for (int i = 0; i < 500 && produced.get() < maxEvents; i++, pair++) {
                        load.send(months.get((int) (pair % months.size())).session(pair / months.size()));
                        produced.addAndGet(2);
                    }
                }
                load.flush();
            }
        }, "pipeline-load");
        producer.setDaemon(true);
        producer.start();
        double measuredFrom = -1;
        long appliedAtFrom = 0;
        long lastSay = System.nanoTime();
        double end = seconds;
        while (true) {
            Thread.sleep(250);
            double t = (System.nanoTime() - start) / 1e9;
            long applied = applied() - applied0;
            appliedNow.set(applied);
            samples.add(new double[] { t, produced.get(), applied });
            if (samples.size() > 20) {
                double[] earlier = samples.get(samples.size() - 21);
                double recentRate = (applied - earlier[2]) / (t - earlier[0]);
                wantedLag.set(Math.max(5_000, (long) (10 * recentRate)));
            }
            if (measuredFrom < 0 && t >= warmUp) {
                measuredFrom = t;
                appliedAtFrom = applied;
                meterAtFrom = meters.eventsApplied();
            }
            if (System.nanoTime() - lastSay > TimeUnit.SECONDS.toNanos(5)) {
                lastSay = System.nanoTime();
                progress.say("  produced %,d, applied %,d (lag %,d)", produced.get(), applied, produced.get() - applied);
            }
            if (t >= end || !producer.isAlive() && applied >= produced.get()) {
                end = t;
                break;
            }
        }
        Double meterAtEnd = meters.eventsApplied();
        double last = samples.get(samples.size() - 1)[0];
        long total = (long) samples.get(samples.size() - 1)[2];
        double rate = measuredFrom >= 0 && last > measuredFrom ? (total - appliedAtFrom) / (last - measuredFrom) : total / last;
        Double meterRate = meterAtFrom == null || meterAtEnd == null || last <= measuredFrom ? null
                : (meterAtEnd - meterAtFrom) / (last - measuredFrom);
        stop.set(true);
        producer.join();
        progress.say("  %,d events applied in %.0f s of sustained load: %,.0f events/s from %.0f s on; draining the rest",
                total, last, rate, Math.max(0, measuredFrom));
        long drainStart = System.nanoTime();
        boolean drained = awaitNoLag(180);
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        if (meterRate != null) {
            progress.say("  cross-check: metrics-service's own peerpulse_indicators_batch_events says %,.0f events/s", meterRate);
        }
        return new Result(produced.get(), last, drainSeconds, rate, total / last, meterRate,
                String.format(java.util.Locale.ROOT, "%.0f s to %.0f s of sustained load", Math.max(0, measuredFrom), last),
                drained, samples);
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
