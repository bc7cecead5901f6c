package org.peerpulse.platform.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.platform.audit.MongoAuditTrail.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;

/**
 * Takes audit records off the request thread. {@link #enqueue} puts a record in a bounded queue and returns;
 * one background thread writes what is queued every flush interval (sooner once a batch's worth waits), a
 * batch at a time, each batch in one unordered bulk insert ({@link MongoAuditTrail#insert}). While the store is
 * away the writer tries the same batch again, backing off from the flush interval up to 5 s, and everything
 * behind it stays queued; the records' ids are chosen once, so a try whose answer was lost does not double them.
 *
 * <p>The queue fills only while the store is away or slower than the requests. A request that finds it full
 * waits up to {@code enqueue-timeout} for room and then writes its own record, as every request did before the
 * trail was queued: the back-pressure lands where the store's trouble is, and no record is dropped to keep a
 * request fast. The same direct write serves a record that comes before the writer started or after it
 * stopped. A direct write that fails is the one way a record is lost: logged at ERROR (action and outcome
 * only) and counted in {@code peerpulse.audit.failures}.
 *
 * <p>Stopping writes everything queued before it returns. The phase is below the web server's, so the server
 * has stopped taking requests and has answered those in flight (each of which queued its record) before the
 * writer drains; the Mongo client is closed only after every lifecycle phase. If the store does not take the
 * records within {@code stop-timeout}, those still queued are logged at ERROR (how many of each action) and
 * counted in {@code peerpulse.audit.failures}: a gap in the trail is never silent.
 */
class AuditWriter implements SmartLifecycle {

    static final String QUEUED = "peerpulse.audit.queued";
    static final String WRITTEN = "peerpulse.audit.written";
    static final String WRITE_FAILURES = "peerpulse.audit.write.failures";
    static final String FAILURES = "peerpulse.audit.failures";

    /**
     * Below the web server's phases (graceful shutdown, then the server's stop, 1024 apart): stopped after the
     * server, so after the last request that can record anything.
     */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** How long a stop that gave up waits for the interrupted writer to account for what it held. */
    private static final Duration ABANDON_GRACE = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    private final MongoAuditTrail store;
    private final AuditProperties properties;
    private final MeterRegistry meters;
    private final BlockingQueue<AuditRecord> queue;
    private final Counter written;
    private final Counter writeFailures;
    private final AtomicBoolean overflowing = new AtomicBoolean();
    /** True while the writer drains the queue: a record is queued only then, else written by its request. */
    private volatile boolean accepting;
    /** Set by a stop that waited {@code stop-timeout} in vain: the writer gives up what it holds. */
    private volatile boolean abandoned;
    /** How many records the writer holds in the batch it is writing, which the queue no longer counts. */
    private volatile int writing;
    private volatile Thread writer;

    AuditWriter(MongoAuditTrail store, AuditProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.meters = meters;
        this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
        Gauge.builder(QUEUED, this, AuditWriter::waiting)
                .description("Audit records waiting to be written, the batch being written included").register(meters);
        this.written = Counter.builder(WRITTEN).description("Audit records the store took").register(meters);
        this.writeFailures = Counter.builder(WRITE_FAILURES)
                .description("Writes of queued audit records that failed; the records stay queued and are tried again")
                .register(meters);
    }

    /** Queues the record for the writer, or writes it here when the writer is not running or cannot keep up. */
    void enqueue(AuditRecord record) {
        if (accepting) {
            if (queue.offer(record) || roomWithin(record, properties.enqueueTimeout())) {
                if (queue.size() >= properties.batchSize()) {
                    LockSupport.unpark(writer);
                }
                // A stop that began meanwhile may have seen the queue empty and ended the writer: then the record
                // is still there, and this request writes it; otherwise the writer took it.
                if (accepting || !queue.removeIf(queued -> queued == record)) {
                    return;
                }
            } else if (overflowing.compareAndSet(false, true)) {
                log.warn("Audit queue full ({} records): requests write their own records until it drains",
                        properties.queueCapacity());
            }
        }
        writeNow(record);
    }

    /** Queued records and the batch being written. */
    int waiting() {
        return queue.size() + writing;
    }

    private boolean roomWithin(AuditRecord record, Duration timeout) {
        try {
            return queue.offer(record, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void writeNow(AuditRecord record) {
        RuntimeException failure = null;
        try {
            if (store.insert(List.of(new Pending(record))).isEmpty()) {
                written.increment();
                return;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        log.error("Audit record not written: action {} outcome {} ({})", record.action(), record.outcome(),
                failure == null ? "refused by the store"
                        : NestedExceptionUtils.getMostSpecificCause(failure).getClass().getName());
        meters.counter(FAILURES, "action", record.action()).increment();
    }

    @Override
    public synchronized void start() {
        if (writer != null) {
            return;
        }
        abandoned = false;
        accepting = true;
        Thread thread = new Thread(this::drain, "audit-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /**
     * Every flush interval (sooner when a batch's worth waits or a stop begins), writes everything queued, a
     * batch at a time; after a stop began, once more and then ends.
     */
    private void drain() {
        List<AuditRecord> taken = new ArrayList<>(properties.batchSize());
        while (!abandoned) {
            if (accepting) {
                LockSupport.parkNanos(this, properties.flushInterval().toNanos());
            }
            // Read before draining: a record queued while this was still true is in the queue by now.
            boolean last = !accepting;
            while (queue.drainTo(taken, properties.batchSize()) > 0) {
                List<Pending> batch = new ArrayList<>(taken.size());
                for (AuditRecord record : taken) {
                    batch.add(new Pending(record));
                }
                taken.clear();
                writing = batch.size();
                List<Pending> unwritten = write(batch);
                writing = 0;
                if (!unwritten.isEmpty()) {
                    notWrittenAtStop(unwritten);
                    return;
                }
            }
            overflowing.set(false);
            if (last) {
                return;
            }
        }
        notWrittenAtStop(List.of());
    }

    /** Writes the batch, trying again until the store has taken all of it; answers what is left if abandoned. */
    private List<Pending> write(List<Pending> batch) {
        List<Pending> waiting = batch;
        Duration backoff = properties.flushInterval();
        while (true) {
            String failure;
            try {
                List<Pending> refused = store.insert(waiting);
                written.increment(waiting.size() - refused.size());
                if (refused.isEmpty()) {
                    return List.of();
                }
                waiting = refused;
                writing = refused.size();
                failure = "refused by the store";
            } catch (RuntimeException e) {
                failure = NestedExceptionUtils.getMostSpecificCause(e).getClass().getName();
            }
            writeFailures.increment();
            if (abandoned) {
                return waiting;
            }
            // While stopping, try again at the flush interval: the stop's own timeout bounds the wait.
            Duration pause = accepting ? backoff : properties.flushInterval();
            log.warn("Audit trail could not write {} records ({}); they stay queued with {} more, next try in {} ms",
                    waiting.size(), failure, queue.size(), pause.toMillis());
            LockSupport.parkNanos(this, pause.toNanos());
            if (abandoned) {
                return waiting;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** What a stop that gave up leaves: the writer's unwritten batch and everything still queued. */
    private void notWrittenAtStop(List<Pending> held) {
        List<AuditRecord> lost = new ArrayList<>(held.size() + queue.size());
        held.forEach(pending -> lost.add(pending.record()));
        queue.drainTo(lost);
        if (lost.isEmpty()) {
            return;
        }
        Map<String, Integer> byAction = new TreeMap<>();
        for (AuditRecord record : lost) {
            byAction.merge(record.action(), 1, Integer::sum);
        }
        byAction.forEach((action, count) -> meters.counter(FAILURES, "action", action).increment(count));
        log.error("Audit trail stopped with {} records not written: the store did not take them within {} ({})",
                lost.size(), properties.stopTimeout(), byAction);
    }

    /** Returns once every queued record is written, or once {@code stop-timeout} has passed (then logged, counted). */
    @Override
    public synchronized void stop() {
        accepting = false;
        Thread thread = writer;
        if (thread == null) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(properties.stopTimeout().toMillis());
            if (thread.isAlive()) {
                abandoned = true;
                thread.interrupt();
                thread.join(ABANDON_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            abandoned = true;
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
        writer = null;
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
