package org.peerpulse.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * The pipeline phase: metrics-service is stopped once it has applied everything so far, a backlog in real use's mix
 * ({@link Backlog}) is put on the topics while nothing consumes it, and then three consumers read exactly that
 * backlog (its first and last offsets per partition), one after the other, each alone on the machine once
 * feedback-service (which reads the sessions topic; the backlog's sessions carry no invitation, so it stores nothing
 * for them) has read the backlog too:
 * <ol>
 * <li>Kafka's ConsumerPerformance, one per topic at once: how fast the broker hands the records out;</li>
 * <li>the Kafka Streams peer ({@link StreamsPeer}): what a team would otherwise run, counting the same way with
 * exactly-once;</li>
 * <li>metrics-service, started again the way the stack started it, from its group's committed offsets (the
 * backlog's first records).</li>
 * </ol>
 * Both counters' totals (sessions and answers, and invitations: none) are checked against what the backlog leaves
 * counting.
 */
final class CatchUpPhase {

    /**
     * @param loadEventsPerSec how fast the loader put the backlog on the topics (not a target)
     * @param feedbackServiceReadSeconds from the start of loading until feedback-service had read the backlog's
     *     sessions (it stores nothing for them: they carry no invitation), after which the three consumers were timed
     * @param metrics metrics-service's catch-up, null if it failed
     * @param metricsCounted what the rollups count more after its catch-up than before (sessions and answers)
     * @param metricsInvitations the invitations the rollups count more after its catch-up than before
     * @param expectedCounted what the backlog leaves counting: sessions not voided, answers not withdrawn
     */
    record Result(int partitions, List<String> agencies, Backlog.Mix mix, double loadSeconds, double loadEventsPerSec,
            double feedbackServiceReadSeconds, KafkaPerf.ConsumerResult consumerPerf, StreamsPeer.Result streams,
            Pipeline.CatchUp metrics, Long metricsCounted, Long metricsInvitations, long expectedCounted,
            Double metricsResidentMb) {

        /** The invitations the backlog leaves counting: none, its sessions carry no invitation. */
        long expectedInvitations() {
            return mix.invitations();
        }

        /** metrics-service counted the backlog exactly: its sessions and answers, and its invitations. */
        Boolean metricsCountedExactly() {
            return metricsCounted == null ? null
                    : metricsCounted == expectedCounted && metricsInvitations != null
                            && metricsInvitations == expectedInvitations();
        }

        Double pipelineToConsumerPerf() {
            return metrics == null || consumerPerf == null || !metrics.caughtUp() ? null
                    : metrics.eventsPerSec() / consumerPerf.recordsPerSec();
        }

        Double pipelineToStreams() {
            return metrics == null || streams == null || !metrics.caughtUp() || !streams.catchUp().caughtUp() ? null
                    : metrics.eventsPerSec() / streams.catchUp().eventsPerSec();
        }
    }

    /** feedback-service's consumer group, which reads the sessions topic. */
    static final String FEEDBACK_GROUP = "feedback-service";

    private final StackUnderTest stack;
    private final Pipeline pipeline;
    private final StoredEvents stored;
    private final KafkaPerf kafkaPerf;
    private final StreamsPeer streams;
    private final ProcessCpu cpu;
    private final Progress progress;
    private final List<String> errors;

    CatchUpPhase(StackUnderTest stack, Pipeline pipeline, StoredEvents stored, KafkaPerf kafkaPerf, StreamsPeer streams,
            ProcessCpu cpu, Progress progress, List<String> errors) {
        this.stack = stack;
        this.pipeline = pipeline;
        this.stored = stored;
        this.kafkaPerf = kafkaPerf;
        this.streams = streams;
        this.cpu = cpu;
        this.progress = progress;
        this.errors = errors;
    }

    Result run(String bootstrap, List<SyntheticMonth> months, long events, int partitions) throws Exception {
        if (!pipeline.awaitQuiet(300)) {
            progress.say("  metrics-service still lags, or a relay still publishes, after 5 minutes; going on");
        }
        stack.stopMetricsService(progress);
        Map<TopicPartition, Long> metricsFrom = pipeline.committed(Pipeline.GROUP);
        Map<TopicPartition, Long> from = pipeline.endOffsetsByPartition();
        long countedBefore = stored.count();
        long invitationsBefore = stored.invitations();

        progress.say("Backlog: %,d events (sessions, answers, voids and withdrawals) of %d agencies over %d days, on every "
                + "partition of both topics, while nothing consumes them", events, months.size(), months.get(0).days());
        ProcessCpu.Phase loading = cpu.start("pipeline: loading the backlog");
        long loadStart = System.nanoTime();
        Backlog.Mix mix;
        try (KafkaLoad load = new KafkaLoad(bootstrap)) {
            mix = new Backlog(months).load(load, events, sent -> progress.say("  %,d events on the topics", sent));
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        loading.stop();
        Map<TopicPartition, Long> to = pipeline.endOffsetsByPartition();
        progress.say("  %,d events (%,d sessions, %,d answers, %,d voids, %,d withdrawals) in %.1f s; %,d records between "
                + "the backlog's first and last offsets", mix.events(), mix.logged(), mix.answered(), mix.voided(),
                mix.withdrawn(), loadSeconds, span(from, to));
        // feedback-service reads every SessionLogged (to learn its invitation; the backlog's carry none, so it stores
        // nothing for them): it reads the backlog's sessions too, and would compete with each consumer timed below. It
        // keeps running (it is part of the stack) but is let finish.
        ProcessCpu.Phase feedbackReads = cpu.start("pipeline: feedback-service reads the backlog's sessions");
        Pipeline.CatchUp feedbackRead = pipeline.awaitCatchUp("feedback-service (sessions)", FEEDBACK_GROUP,
                pipeline.committed(FEEDBACK_GROUP), onTopic(to, org.peerpulse.contracts.Topics.SESSIONS), loadStart,
                () -> true, 1_800, () -> { }, progress);
        feedbackReads.stop();

        KafkaPerf.ConsumerResult consumerPerf = null;
        ProcessCpu.Phase perfCpu = cpu.start("pipeline: Kafka ConsumerPerformance");
        try {
            String run = Long.toString(System.currentTimeMillis(), 36);
            Map<String, String> groups = new LinkedHashMap<>();
            Map<String, Long> records = new LinkedHashMap<>();
            for (String topic : Pipeline.TOPICS) {
                String group = "bench-consumer-perf-" + run + "-" + topic;
                Map<TopicPartition, Long> start = onTopic(from, topic);
                pipeline.startGroupAt(group, start);
                groups.put(topic, group);
                records.put(topic, span(start, onTopic(to, topic)));
            }
            progress.say("ConsumerPerformance on the backlog: %s records, one tool per topic, at once", records);
            consumerPerf = kafkaPerf.consume(groups, records, progress);
            groups.values().forEach(group -> pipeline.forget(group, null));
        }
        catch (Exception e) {
            errors.add("Pipeline: ConsumerPerformance: " + e);
            progress.say("  ConsumerPerformance FAILED: %s", e);
        }
        finally {
            perfCpu.stop();
        }

        StreamsPeer.Result peer = null;
        ProcessCpu.Phase streamsCpu = cpu.start("pipeline: Kafka Streams peer");
        try {
            peer = streams.run(pipeline, from, to, 1_800, progress);
            progress.say("  the peer counted %s sessions and answers (expected %,d) and %s invitations (expected %,d) in "
                    + "%s rollups, %s unreadable", peer.counted(), mix.netCounted(), peer.invitations(), mix.invitations(),
                    peer.rollups(), peer.unreadable());
        }
        catch (Exception e) {
            errors.add("Pipeline: Kafka Streams peer: " + e);
            progress.say("  Kafka Streams peer FAILED: %s", e);
        }
        finally {
            streamsCpu.stop();
        }

        Pipeline.CatchUp metrics = null;
        Long metricsCounted = null;
        Long metricsInvitations = null;
        Double resident = null;
        ProcessCpu.Phase metricsCpu = cpu.start("pipeline: metrics-service catch-up");
        try {
            long started = System.nanoTime();
            stack.startMetricsService(progress);
            Map<TopicPartition, Long> metricsStart = new LinkedHashMap<>(from);
            metricsFrom.forEach((partition, offset) -> metricsStart.merge(partition, offset, Math::min));
            ProcessCpu.Phase[] applying = new ProcessCpu.Phase[1];
            metrics = pipeline.awaitCatchUp("metrics-service", Pipeline.GROUP, metricsStart, to, started,
                    stack::metricsServiceLauncherAlive, 3_600,
                    () -> applying[0] = cpu.start("pipeline: metrics-service, first commit to caught up"), progress);
            if (applying[0] != null) {
                applying[0].stop();
            }
            Long pid = ProcessMemory.pidListeningOn(stack.ports().get("metrics-service"));
            resident = pid == null ? null : ProcessMemory.residentMb(pid);
            stack.awaitMetricsServiceReady(120);
            metricsCounted = stored.count() - countedBefore;
            metricsInvitations = stored.invitations() - invitationsBefore;
            progress.say("  metrics-service's rollups count %,d more sessions and answers (expected %,d) and %,d more "
                    + "invitations (expected %,d)", metricsCounted, mix.netCounted(), metricsInvitations, mix.invitations());
        }
        finally {
            metricsCpu.stop();
        }
        return new Result(partitions, months.stream().map(SyntheticMonth::agencyId).toList(), mix, loadSeconds,
                mix.events() / loadSeconds, feedbackRead.secondsFromStart(), consumerPerf, peer, metrics, metricsCounted,
                metricsInvitations, mix.netCounted(), resident);
    }

    private static Map<TopicPartition, Long> onTopic(Map<TopicPartition, Long> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long span(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long records = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            records += end.getValue() - from.getOrDefault(end.getKey(), 0L);
        }
        return records;
    }
}
