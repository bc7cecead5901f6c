package org.peerpulse.indicators.alerts.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.peerpulse.indicators.alerts.application.NotifyAlerts;
import org.peerpulse.indicators.alerts.domain.DeliveryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link NotifyAlerts} on one thread of its own: right after an alert with a notice opens (the nudge), on
 * a poll every {@code peerpulse.alerts.webhook.poll-interval} (so what was due when the process stopped, or
 * what another instance let go, is sent), and at each retry's time when it is nearer than the next poll. Nudges
 * while a round runs queue one more round, so none is lost; the lease in the store keeps instances apart.
 *
 * <p>Meters: {@code peerpulse.alerts.webhook.attempts} by {@code outcome} (delivered, retrying, failed,
 * not_configured) and {@code peerpulse.alerts.webhook.delivery}, the time from an alert's opening to its
 * receiver's 2xx. No agency, alert or URL tags.
 */
final class WebhookDispatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    private final NotifyAlerts notify;
    private final Clock clock;
    private final Duration pollInterval;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "alert-webhooks");
        named.setDaemon(true);
        return named;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Map<DeliveryState, Counter> attempts = new EnumMap<>(DeliveryState.class);
    private final Timer delivery;

    WebhookDispatch(NotifyAlerts notify, MeterRegistry registry, Clock clock, Duration pollInterval) {
        this.notify = notify;
        this.clock = clock;
        this.pollInterval = pollInterval;
        for (DeliveryState state : DeliveryState.values()) {
            String outcome = state == DeliveryState.PENDING ? "retrying" : state.name().toLowerCase(Locale.ROOT);
            attempts.put(state, Counter.builder("peerpulse.alerts.webhook.attempts")
                    .description("Alert notifications handled: delivered (2xx), retrying, failed for good, or not"
                            + " configured (the agency has no webhook)")
                    .tag("outcome", outcome).register(registry));
        }
        delivery = Timer.builder("peerpulse.alerts.webhook.delivery")
                .description("From an alert's opening to its webhook's 2xx")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(5), Duration.ofHours(1))
                .register(registry);
    }

    /** An alert with a notice just opened, or a retry is due: run a round soon, on the dispatch thread. */
    void nudge() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${peerpulse.alerts.webhook.poll-interval:5s}")
    void poll() {
        nudge();
    }

    private void drain() {
        queued.set(false);
        try {
            NotifyAlerts.Round round;
            do {
                round = notify.sendDue();
                for (NotifyAlerts.Sent sent : round.sent()) {
                    attempts.get(sent.delivery().state()).increment();
                    if (sent.delivery().state() == DeliveryState.DELIVERED) {
                        delivery.record(Duration.between(sent.alert().openedAt(), sent.delivery().lastAttemptAt()));
                    }
                    if (sent.delivery().isPending()) {
                        retryAt(sent.delivery().nextAttemptAt());
                    }
                }
            } while (round.full());
        } catch (RuntimeException e) {
            // The store or the network failed under the round; what was claimed is claimed again after its lease.
            log.warn("Alert notifications could not be sent ({}); the next poll tries again",
                    e.getClass().getSimpleName());
        }
    }

    private void retryAt(Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        if (wait.compareTo(pollInterval) < 0) {
            thread.schedule(this::nudge, Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
