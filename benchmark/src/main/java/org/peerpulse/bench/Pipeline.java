package org.peerpulse.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.peerpulse.contracts.Topics;

/**
 * The two topics and the consumer groups that read them, through an AdminClient: where each partition ends, what a
 * group has committed, and how fast a group catches up to given offsets. metrics-service commits a batch only after
 * its rollups took it, and Kafka Streams under exactly-once commits offsets in the transaction that wrote its
 * store's changelog, so for both, committed = applied.
 */
final class Pipeline implements AutoCloseable {

    static final String GROUP = "metrics-service";
    static final List<String> TOPICS = List.of(Topics.SESSIONS, Topics.FEEDBACK);

    private final Admin admin;

    Pipeline(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * How one consumer caught up on a backlog.
     *
     * @param events the backlog's records it had to apply (from its committed offsets to the end)
     * @param seconds from the first commit that moved its offsets to the one that reached the end
     * @param eventsPerSec the records applied after that first commit ÷ {@code seconds}: the first batch is left
     *     out of both, so neither the group join nor a process start is in the rate
     * @param secondsFromStart from the moment it was started (JVM, group join and all) to the end
     * @param caughtUp whether it reached the end before the time allowed ran out
     * @param samples seconds since the start, records applied
     */
    record CatchUp(String consumer, long events, double seconds, double eventsPerSec, double secondsFromStart,
            boolean caughtUp, List<double[]> samples) {
    }

    int partitions() throws Exception {
        return admin.describeTopics(List.of(Topics.SESSIONS)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(Topics.SESSIONS).partitions().size();
    }

    /**
     * At least {@code atLeast} agencies, harbor first, whose keys (Kafka's default partitioner: murmur2) land on
     * every partition of the topics, the same number on each, so that every partition carries the same share.
     */
    static List<String> agenciesCovering(int partitions, int atLeast) {
        int perPartition = Math.max(1, (atLeast + partitions - 1) / partitions);
        int[] taken = new int[partitions];
        List<String> agencies = new ArrayList<>();
        agencies.add("harbor");
        taken[partition("harbor", partitions)]++;
        for (int i = 1; agencies.size() < perPartition * partitions; i++) {
            String agency = "bench-agency-" + i;
            int partition = partition(agency, partitions);
            if (taken[partition] < perPartition) {
                taken[partition]++;
                agencies.add(agency);
            }
        }
        return List.copyOf(agencies);
    }

    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Waits until metrics-service has nothing left to apply (earlier phases' events), for at most {@code seconds}. */
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
     * Waits until metrics-service has applied everything and nothing new arrived for two seconds (the services'
     * outbox relays may still be publishing what an earlier phase wrote), for at most {@code seconds}.
     */
    boolean awaitQuiet(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long end = -1;
        long sameSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = endOffsets();
            if (now != end) {
                end = now;
                sameSince = System.nanoTime();
            }
            else if (System.nanoTime() - sameSince > TimeUnit.SECONDS.toNanos(2) && applied() >= end) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Waits until {@code group} has committed, on every partition of {@code topic}, the end offset the partition has
     * now (it has read everything put there so far), for at most {@code seconds}.
     */
    boolean awaitReadToEnd(String group, String topic, int seconds) throws Exception {
        Map<TopicPartition, Long> ends = endOffsetsByPartition().entrySet().stream()
                .filter(end -> end.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> committed = committed(group);
            if (ends.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Offsets metrics-service has committed on the two topics, summed: the events it has applied. */
    long applied() throws Exception {
        return committed(GROUP).values().stream().mapToLong(Long::longValue).sum();
    }

    long endOffsets() throws Exception {
        return endOffsetsByPartition().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Where each partition of the two topics ends now. */
    Map<TopicPartition, Long> endOffsetsByPartition() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** What {@code group} has committed on the two topics, by partition. */
    Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (TOPICS.contains(partition.topic()) && offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** Commits {@code offsets} for a group with no members yet, so that it starts reading there. */
    void startGroupAt(String group, Map<TopicPartition, Long> offsets) throws Exception {
        admin.alterConsumerGroupOffsets(group, offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))))
                .all().get(30, TimeUnit.SECONDS);
    }

    /** Removes what a reference consumer left on the broker: its group, and topics named after it (a changelog). */
    void forget(String group, String internalTopicPrefix) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
            if (internalTopicPrefix != null) {
                List<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                        .filter(topic -> topic.startsWith(internalTopicPrefix)).toList();
                if (!internal.isEmpty()) {
                    admin.deleteTopics(internal).all().get(30, TimeUnit.SECONDS);
                }
            }
        }
        catch (Exception e) {
            // Only tidiness: a leftover group or changelog topic changes no later figure.
        }
    }

    /**
     * Samples {@code group}'s committed offsets every 100 ms until they reach {@code to} on every partition, the
     * consumer dies ({@code alive} false) or {@code timeoutSeconds} pass.
     *
     * @param startedNanos when the consumer was started ({@link System#nanoTime()})
     * @param atFirstCommit run once, when the first commit that moved the offsets is seen
     */
    CatchUp awaitCatchUp(String consumer, String group, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to,
            long startedNanos, BooleanSupplier alive, int timeoutSeconds, Runnable atFirstCommit, Progress progress)
            throws Exception {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            total += Math.max(0, end.getValue() - from.getOrDefault(end.getKey(), 0L));
        }
        List<double[]> samples = new ArrayList<>();
        double firstAt = -1;
        long firstApplied = 0;
        double doneAt = -1;
        long lastSay = System.nanoTime();
        long deadline = startedNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> committed = committed(group);
            double t = (System.nanoTime() - startedNanos) / 1e9;
            long applied = 0;
            for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
                long start = from.getOrDefault(end.getKey(), 0L);
                long at = committed.getOrDefault(end.getKey(), start);
                applied += Math.max(0, Math.min(at, end.getValue()) - start);
            }
            samples.add(new double[] { t, applied });
            if (firstAt < 0 && applied > 0) {
                firstAt = t;
                firstApplied = applied;
                atFirstCommit.run();
            }
            if (applied >= total) {
                doneAt = t;
                break;
            }
            if (!alive.getAsBoolean()) {
                break;
            }
            if (System.nanoTime() - lastSay > TimeUnit.SECONDS.toNanos(5)) {
                lastSay = System.nanoTime();
                progress.say("  %s: %,d of %,d applied", consumer, applied, total);
            }
            Thread.sleep(100);
        }
        boolean caughtUp = doneAt >= 0;
        double end = caughtUp ? doneAt : samples.get(samples.size() - 1)[0];
        long applied = (long) samples.get(samples.size() - 1)[1];
        double seconds = firstAt >= 0 ? end - firstAt : Double.NaN;
        double rate = firstAt >= 0 && end > firstAt ? (applied - firstApplied) / (end - firstAt) : Double.NaN;
        progress.say("  %s: %,d of %,d applied, %,.0f events/s after its first commit (%.1f s from its start)%s", consumer,
                applied, total, rate, end, caughtUp ? "" : "; NOT caught up");
        return new CatchUp(consumer, total, seconds, rate, end, caughtUp, samples);
    }

    @Override
    public void close() {
        admin.close();
    }
}
