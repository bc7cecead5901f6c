package org.peerpulse.platform.health;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerFailedToStartEvent;
import org.springframework.kafka.event.ConsumerStartedEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.event.KafkaEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Readiness of the service's Kafka consumers, read from the listener containers themselves (Boot has no
 * Kafka health indicator, and a broker that answers says nothing about whether this service still consumes).
 *
 * <p>Each container of the {@link KafkaListenerEndpointRegistry} is one of:
 * <ul>
 * <li>{@code RUNNING}: consuming; UP.</li>
 * <li>{@code PAUSED}: running, but a pause was asked for (by the service or its error handling), which
 * ends by itself; UP.</li>
 * <li>{@code STOPPED}: an auto-started container that is no longer running, whether someone stopped it or
 * its consumer died; DOWN. Records pile up unread, so this instance should not count as ready.</li>
 * <li>{@code FAILED}: still "running" as a whole but not in the state it should be in: a consumer thread
 * stopped abnormally (for example the listener threw an {@link Error}) or never started; DOWN.</li>
 * <li>{@code NOT_STARTED}: a container configured not to start on its own and not started yet; UP, because
 * whoever configured it decides when it runs.</li>
 * </ul>
 * The reason of the last abnormal stop ({@link ConsumerStoppedEvent.Reason} such as {@code ERROR},
 * {@code AUTH}, {@code FENCED}, or {@code FAILED_TO_START}) is kept until the container's consumer starts
 * again, so a DOWN says why. A service without listeners has no containers and is UP.
 */
public class KafkaListenersHealthIndicator implements HealthIndicator, ApplicationListener<KafkaEvent> {

    /** What the health answer calls a container's consumer that never started. */
    static final String FAILED_TO_START = "FAILED_TO_START";

    private final ObjectProvider<KafkaListenerEndpointRegistry> registries;
    private final Map<String, String> abnormalStops = new ConcurrentHashMap<>();

    public KafkaListenersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public Health health() {
        KafkaListenerEndpointRegistry registry = registries.getIfAvailable();
        Collection<MessageListenerContainer> containers = registry == null ? List.of()
                : registry.getAllListenerContainers();
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (MessageListenerContainer container : containers) {
            String id = idOf(container);
            State state = stateOf(container, abnormalStops.get(id));
            up &= state.ready();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", state.name());
            String reason = abnormalStops.get(id);
            if (reason != null && !state.ready()) {
                detail.put("reason", reason);
            }
            details.put(id, detail);
        }
        return (up ? Health.up() : Health.down()).withDetail("containers", details).build();
    }

    /** Remembers why a consumer stopped abnormally or did not start, and forgets it when one starts again. */
    @Override
    public void onApplicationEvent(KafkaEvent event) {
        if (event instanceof ConsumerStoppedEvent stopped
                && stopped.getReason() != ConsumerStoppedEvent.Reason.NORMAL) {
            abnormalStops.put(idOf(parentOf(event)), stopped.getReason().name());
        } else if (event instanceof ConsumerFailedToStartEvent) {
            abnormalStops.put(idOf(parentOf(event)), FAILED_TO_START);
        } else if (event instanceof ConsumerStartedEvent) {
            abnormalStops.remove(idOf(parentOf(event)));
        }
    }

    private static State stateOf(MessageListenerContainer container, String abnormalStop) {
        if (!container.isRunning()) {
            return container.isAutoStartup() || abnormalStop != null ? State.STOPPED : State.NOT_STARTED;
        }
        if (!container.isInExpectedState() || FAILED_TO_START.equals(abnormalStop)) {
            return State.FAILED;
        }
        return container.isPauseRequested() ? State.PAUSED : State.RUNNING;
    }

    private static MessageListenerContainer parentOf(KafkaEvent event) {
        return event.getContainer(MessageListenerContainer.class);
    }

    private static String idOf(MessageListenerContainer container) {
        String id = container.getListenerId();
        return id != null ? id : String.valueOf(container);
    }

    private enum State {
        RUNNING(true), PAUSED(true), NOT_STARTED(true), STOPPED(false), FAILED(false);

        private final boolean ready;

        State(boolean ready) {
            this.ready = ready;
        }

        boolean ready() {
            return ready;
        }
    }
}
