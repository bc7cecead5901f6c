package org.peerpulse.indicators.counting.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.peerpulse.indicators.counting.application.RebuildIndicators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Rebuild mode ({@code peerpulse.indicators.rebuild=true}, or env {@code PEERPULSE_REBUILD=true}): every
 * rollup is counted again from both topics' first records, with the same code and the same exactly-once
 * rules as normal running, so the numbers come out identical.
 *
 * <p>Once every bean exists and before any listener container starts, the rollups and copy windows are erased
 * ({@link RebuildIndicators}); then, on the first assignment of each partition in this process, the
 * consumer seeks to its beginning, whatever the group had committed. A later assignment of the same
 * partition (a rebalance) continues from the committed offsets instead of starting over, and a replayed
 * record that was already applied is a no-op anyway (watermarks per partition, copy windows by event id).
 * Boot hands this bean, the only rebalance listener, to the listener container factory.
 *
 * <p>Run it as the only instance of metrics-service: another instance still counting on the old
 * rollups would write into the fresh ones. Unreadable records are dead-lettered again on the way.
 */
@Component
@ConditionalOnExpression(ReplayFromTheBeginning.REBUILD_MODE)
class ReplayFromTheBeginning implements ConsumerAwareRebalanceListener, SmartInitializingSingleton {

    /** The property wins over the environment variable; neither set means normal running. */
    static final String REBUILD_MODE = "${peerpulse.indicators.rebuild:${PEERPULSE_REBUILD:false}}";

    private static final Logger log = LoggerFactory.getLogger(ReplayFromTheBeginning.class);

    private final RebuildIndicators rebuild;
    private final Set<TopicPartition> replayed = ConcurrentHashMap.newKeySet();

    ReplayFromTheBeginning(RebuildIndicators rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void afterSingletonsInstantiated() {
        log.warn("Rebuild mode: erasing every fact and rollup, then replaying both topics from the beginning");
        rebuild.eraseForReplay();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> first = partitions.stream().filter(replayed::add).toList();
        if (!first.isEmpty()) {
            consumer.seekToBeginning(first);
            log.info("Rebuild mode: replaying {} from the beginning", first);
        }
    }
}
