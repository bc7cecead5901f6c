package org.peerpulse.bench.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.EventCodec;
import org.peerpulse.platform.messaging.UnreadableEventException;

/**
 * {@code RollupCountingApp --bootstrap HOST:PORT --application-id ID --state-dir DIR [--threads N]}: the Kafka Streams
 * peer. One source reads both topics; they are co-partitioned (same partition count, both keyed by agency), so
 * task {@code p} reads partition {@code p} of each, and every rollup key (which starts with the agency) is met by
 * one task only: the counts go straight into the task's store, with no repartition topic, as metrics-service
 * folds without one. The store is Kafka Streams' default, a RocksDB store with its cache and changelog;
 * {@code processing.guarantee=exactly_once_v2}, the other settings Kafka Streams' defaults.
 *
 * <p>Prints {@code STATE <state>} on every state change, and on SIGTERM, before it closes, one line
 * {@code COUNTED sessions=… responses=… invitations=… rollups=… unreadable=…} with what its store adds up to: the benchmark
 * checks that the peer counted what was put on the topics. A record it cannot read is counted and skipped (metrics-service
 * dead-letters it).
 */
public final class RollupCountingApp {

    static final String STORE = "rollups";

    private RollupCountingApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = null;
        String applicationId = null;
        String stateDir = null;
        int threads = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--application-id" -> applicationId = args[++i];
                case "--state-dir" -> stateDir = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (bootstrap == null || applicationId == null || stateDir == null) {
            throw new IllegalArgumentException("--bootstrap, --application-id and --state-dir are required");
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(stateDir).toAbsolutePath().toString());

        AtomicLong unreadable = new AtomicLong();
        KafkaStreams streams = new KafkaStreams(topology(unreadable), config);
        CountDownLatch closed = new CountDownLatch(1);
        streams.setStateListener((now, before) -> System.out.println("STATE " + now));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(counted(streams, unreadable.get()));
            System.out.flush();
            streams.close(Duration.ofSeconds(30));
            closed.countDown();
        }, "rollup-counting-shutdown"));
        streams.start();
        closed.await();
    }

    static Topology topology(AtomicLong unreadable) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                RollupCounts.serde()).withCachingEnabled());
        builder.stream(List.of(Topics.SESSIONS, Topics.FEEDBACK), Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Counting(unreadable), STORE);
        return builder.build();
    }

    /** Decodes a record into its contract event (type from {@code ce_type}) and adds its increment to its rollup. */
    static final class Counting implements Processor<String, String, Void, Void> {

        private final EventCodec codec = new EventCodec();
        private final AtomicLong unreadable;
        private KeyValueStore<String, long[]> rollups;

        Counting(AtomicLong unreadable) {
            this.unreadable = unreadable;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            rollups = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            RollupIncrement increment;
            try {
                String type = CloudEvents.header(record.headers(), CloudEvents.TYPE)
                        .orElseThrow(() -> new UnreadableEventException("record has no ce_type header", null));
                PeerPulseEvent event = codec.read(type, record.value());
                increment = RollupIncrement.of(event);
            }
            catch (UnreadableEventException | IllegalArgumentException | NullPointerException e) {
                unreadable.incrementAndGet();
                return;
            }
            long[] counts = rollups.get(increment.rollup());
            rollups.put(increment.rollup(), counts == null ? increment.counts() : RollupCounts.add(counts, increment.counts()));
        }
    }

    private static String counted(KafkaStreams streams, long unreadable) {
        try {
            ReadOnlyKeyValueStore<String, long[]> store = streams.store(StoreQueryParameters.fromNameAndType(STORE,
                    QueryableStoreTypes.<String, long[]>keyValueStore()));
            long sessions = 0;
            long responses = 0;
            long invitations = 0;
            long rollups = 0;
            try (KeyValueIterator<String, long[]> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, long[]> rollup = all.next();
                    sessions += rollup.value[RollupCounts.SESSIONS];
                    responses += rollup.value[RollupCounts.RESPONSES];
                    invitations += rollup.value[RollupCounts.INVITATIONS];
                    rollups++;
                }
            }
            return String.format(Locale.ROOT, "COUNTED sessions=%d responses=%d invitations=%d rollups=%d unreadable=%d",
                    sessions, responses, invitations, rollups, unreadable);
        }
        catch (RuntimeException e) {
            return "COUNTED unavailable: " + e;
        }
    }
}
