package org.peerpulse.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.peerpulse.platform.messaging.EventRecords;
import org.peerpulse.platform.observability.TraceParents;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in documents' outboxes and removes each entry once the broker has acknowledged
 * it ({@code acks=all}, idempotent producer). While Kafka is unreachable the entries simply wait, and the relay
 * backs off; nothing a client was told is accepted is ever lost.
 *
 * <p>A poll is one round trip for many documents: up to {@code batchSize} pending documents, oldest first; every
 * entry of each is handed to the producer in its array order (a document's entries carry its agency as their
 * key, so the idempotent producer keeps them in that order on their partition); the producer is flushed once;
 * the relay waits for all acknowledgements, at most {@code sendTimeout}; then one ordered bulk write per
 * collection {@code $pull}s each document's settled entries and clears {@code outboxPending} where the outbox
 * is left empty. A document's entries leave in order: those acknowledged or parked, up to the first one still
 * under way or failed for now, which stays with those after it for the next poll.
 *
 * <p>An entry the broker refuses for good ({@link LastingRefusals}: too large, not authorised, ...) can never be
 * published: the same bulk write moves it to the document's {@code outboxParked}, with the time and the
 * refusal's class name; it is counted, logged by event id, and the relay goes on with everything else.
 *
 * <p>Only the instance holding a collection's lease ({@link OutboxLeases}) publishes it. The lease is renewed at
 * every poll and, while the relay waits for the broker, every third of its duration, and its back-off never
 * outlasts that third either; so a live holder that reaches the store keeps it, and another instance takes over
 * only after the holder stopped (it releases the lease on a clean stop) or has not renewed for a whole lease.
 *
 * <p>A send that outlasts the relay's wait is not abandoned: the producer keeps it buffered and delivers it
 * when the broker returns. So the relay remembers each event's send until its entry has left the outbox and,
 * when it comes back to the document, waits for that send again instead of handing the producer a second
 * copy, which would be published too. An event is sent again only after its earlier send has failed for now.
 * For the same reason the producer is flushed from a thread of its own: {@code flush()} blocks until every
 * buffered record is settled, up to the producer's {@code delivery.timeout.ms} (two minutes) while the broker
 * is away, which on the relay's thread would outlast both the send timeout and the lease.
 */
@AcrossAgencies("publishes every agency's pending outbox entries; it reads, $pulls and parks by _id only")
public class OutboxRelay implements SmartLifecycle {

    /** How long a stop waits to give its leases up before leaving them to run out. */
    private static final Duration LEASE_RELEASE_WAIT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final OutboxMeters meters;
    private final Clock clock;
    private final OutboxLeases leases;
    /** How often a lease is renewed while the relay waits for the broker, and the longest back-off. */
    private final Duration renewEvery;
    /** Per collection: each event's latest send, by event id, until its entry has left the outbox. */
    private final Map<String, Map<String, CompletableFuture<?>>> sending = new ConcurrentHashMap<>();
    private final ExecutorService flusher = Executors.newSingleThreadExecutor(daemon("outbox-relay-flush"));
    private final AtomicBoolean flushing = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private Duration backoff = Duration.ZERO;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            OutboxMeters meters, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.leases = new OutboxLeases(mongo, properties.leaseDuration(), clock);
        this.renewEvery = properties.leaseDuration().dividedBy(3);
    }

    @Override
    public void start() {
        if (properties.collections().isEmpty()) {
            return;
        }
        for (String collection : properties.collections()) {
            mongo.indexOps(collection).createIndex(new Index(OutboxEntry.PENDING_FIELD, Sort.Direction.ASC));
        }
        executor = Executors.newSingleThreadScheduledExecutor(daemon("outbox-relay"));
        running = true;
        executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
    }

    private void loop() {
        if (!running) {
            return;
        }
        long delay = properties.pollInterval().toMillis();
        try {
            relayPending();
            backoff = Duration.ZERO;
        } catch (RuntimeException e) {
            Duration longest = MAX_BACKOFF.compareTo(renewEvery) < 0 ? MAX_BACKOFF : renewEvery;
            backoff = backoff.isZero() ? properties.pollInterval() : backoff.multipliedBy(2);
            backoff = backoff.compareTo(longest) > 0 ? longest : backoff;
            delay = backoff.toMillis();
            // The cause's own message says what is wrong (an unreachable broker, a refused configuration); the
            // payloads are never part of it, since the relay hands Kafka only strings it does not parse.
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            log.warn("Outbox relay could not publish ({}: {}); retrying in {} ms", cause.getClass().getSimpleName(),
                    cause.getMessage(), delay);
        }
        if (running) {
            executor.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One poll of every collection whose lease this instance holds; returns how many events the broker
     * acknowledged. Throws, after clearing what was acknowledged, when some entries have to wait for the next
     * poll (the broker did not answer in time or failed them for now).
     */
    public int relayPending() {
        int published = 0;
        RuntimeException failed = null;
        for (String collection : properties.collections()) {
            try {
                published += relay(collection);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return published;
    }

    private int relay(String collection) {
        Map<String, CompletableFuture<?>> sends = sending.computeIfAbsent(collection, name -> new ConcurrentHashMap<>());
        if (!leases.hold(collection)) {
            // Another instance publishes this collection. What this one sent while it held the lease has settled
            // or will; the holder sends whatever is left, so there is nothing to wait for again.
            sends.values().removeIf(CompletableFuture::isDone);
            meters.waiting(collection, 0);
            return 0;
        }
        Query pending = Query.query(Criteria.where(OutboxEntry.PENDING_FIELD).is(true))
                .with(Sort.by("_id")).limit(properties.batchSize());
        pending.fields().include(OutboxEntry.OUTBOX_FIELD);
        List<Document> documents = mongo.find(pending, Document.class, collection);
        meters.waiting(collection, documents.size() < properties.batchSize() ? entriesIn(documents)
                : entriesWaiting(collection));

        List<CompletableFuture<?>> awaited = new ArrayList<>();
        Set<String> polled = new HashSet<>();
        for (Document document : documents) {
            for (Document entry : entriesOf(document)) {
                awaited.add(send(sends, entry));
                polled.add(entry.getString("eventId"));
            }
        }
        if (documents.size() < properties.batchSize()) {
            // This poll saw every pending entry: a settled send of any other one left its outbox another way
            // (cleared by an instance that held the lease in between).
            sends.entrySet().removeIf(send -> send.getValue().isDone() && !polled.contains(send.getKey()));
        }
        if (!awaited.isEmpty()) {
            flush();
            awaitOutcomes(collection, awaited);
        }
        return settle(collection, documents, sends);
    }

    private CompletableFuture<?> send(Map<String, CompletableFuture<?>> sends, Document entry) {
        String eventId = entry.getString("eventId");
        CompletableFuture<?> earlier = sends.get(eventId);
        if (earlier != null && !failedForNow(earlier)) {
            return earlier;
        }
        Instant occurredAt = entry.getDate("occurredAt").toInstant();
        CompletableFuture<?> sent;
        try {
            sent = TraceParents.within(entry.getString("traceParent"), () -> kafka.send(EventRecords.of(
                    entry.getString("topic"), entry.getString("key"), eventId, entry.getString("type"),
                    occurredAt, properties.source(), entry.getString("payload"))))
                    .thenAccept(acknowledged -> meters.acknowledged(occurredAt));
        } catch (RuntimeException refused) {
            // The producer throws some refusals at once instead of failing the send (a serializer's, a closed
            // producer's): judged like any other failure.
            sent = CompletableFuture.failedFuture(refused);
        }
        sends.put(eventId, sent);
        return sent;
    }

    /**
     * Makes the producer send what it holds now instead of after its linger, once per poll, without blocking
     * the relay; a flush still waiting for an absent broker is not doubled.
     */
    private void flush() {
        if (!flushing.compareAndSet(false, true)) {
            return;
        }
        try {
            flusher.execute(() -> {
                try {
                    kafka.flush();
                } catch (RuntimeException e) {
                    log.debug("Outbox relay's flush ended early ({})", e.getClass().getSimpleName());
                } finally {
                    flushing.set(false);
                }
            });
        } catch (RejectedExecutionException stopping) {
            flushing.set(false);
        }
    }

    /** Waits until every send has settled or the send timeout has passed, renewing the lease meanwhile. */
    private void awaitOutcomes(String collection, List<CompletableFuture<?>> sends) {
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.stream()
                .map(send -> send.handle((result, failure) -> null))
                .toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (long left = properties.sendTimeout().toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                all.get(Math.min(left, renewEvery.toNanos()), TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException stillWaiting) {
                if (deadline - System.nanoTime() > 0 && !leases.hold(collection)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException cannotHappen) {
                return;
            }
        }
    }

    /**
     * Clears each document's settled entries, parking those refused for good, in one ordered bulk write; returns
     * how many were acknowledged.
     */
    private int settle(String collection, List<Document> documents, Map<String, CompletableFuture<?>> sends) {
        Date now = Date.from(clock.instant());
        List<Settled> settled = new ArrayList<>();
        int published = 0;
        int waiting = 0;
        Throwable failure = null;
        for (Document document : documents) {
            List<Document> entries = entriesOf(document);
            List<String> leaving = new ArrayList<>();
            List<Document> parked = new ArrayList<>();
            for (Document entry : entries) {
                CompletableFuture<?> send = sends.get(entry.getString("eventId"));
                if (!send.isDone()) {
                    break;
                }
                Throwable failed = failureOf(send);
                String refusal = failed == null ? null : LastingRefusals.of(failed);
                if (failed != null && refusal == null) {
                    failure = failure == null ? failed : failure;
                    break;
                }
                if (failed == null) {
                    published++;
                } else {
                    parked.add(new Document(entry).append(OutboxEntry.PARKED_AT_FIELD, now)
                            .append(OutboxEntry.REFUSAL_FIELD, refusal));
                }
                leaving.add(entry.getString("eventId"));
            }
            waiting += entries.size() - leaving.size();
            if (!leaving.isEmpty() || entries.isEmpty()) {
                settled.add(new Settled(document.get("_id"), leaving, parked, leaving.size() == entries.size()));
            }
        }
        if (!settled.isEmpty()) {
            clear(collection, settled);
            for (Settled document : settled) {
                document.leaving().forEach(sends::remove);
                for (Document entry : document.parked()) {
                    meters.parked(collection);
                    log.warn("Outbox relay parked event {} of {} for {}: the broker refused it for good ({})",
                            entry.getString("eventId"), collection, entry.getString("topic"),
                            entry.getString(OutboxEntry.REFUSAL_FIELD));
                }
            }
        }
        if (waiting > 0) {
            throw new IllegalStateException(waiting + " outbox entries of " + collection + " wait for the next poll",
                    failure != null ? failure
                            : new TimeoutException("not acknowledged within " + properties.sendTimeout()));
        }
        return published;
    }

    /** Per document: $pull what leaves (pushing what is parked), then unflag it if its outbox is empty. */
    private void clear(String collection, List<Settled> settled) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
        for (Settled document : settled) {
            if (!document.leaving().isEmpty()) {
                Update update = new Update().pull(OutboxEntry.OUTBOX_FIELD,
                        Query.query(Criteria.where("eventId").in(document.leaving())));
                if (!document.parked().isEmpty()) {
                    update.push(OutboxEntry.PARKED_FIELD).each(document.parked().toArray());
                }
                bulk.updateOne(Query.query(Criteria.where("_id").is(document.id())), update);
            }
            if (document.emptied()) {
                // Guarded: an entry a service added since the poll keeps the document pending.
                bulk.updateOne(Query.query(Criteria.where("_id").is(document.id()).and(OutboxEntry.OUTBOX_FIELD).size(0)),
                        new Update().set(OutboxEntry.PENDING_FIELD, false));
            }
        }
        bulk.execute();
    }

    /** A document's entries leaving its outbox in one poll, those of them parked, and whether none is left. */
    private record Settled(Object id, List<String> leaving, List<Document> parked, boolean emptied) {
    }

    private static boolean failedForNow(CompletableFuture<?> send) {
        return send.isCompletedExceptionally() && LastingRefusals.of(failureOf(send)) == null;
    }

    /** The failure of a settled send, or null if the broker acknowledged it. */
    private static Throwable failureOf(CompletableFuture<?> send) {
        return send.handle((result, failure) -> failure).join();
    }

    private static List<Document> entriesOf(Document document) {
        return document.getList(OutboxEntry.OUTBOX_FIELD, Document.class, List.of());
    }

    private static long entriesIn(List<Document> documents) {
        return documents.stream().mapToLong(document -> entriesOf(document).size()).sum();
    }

    /** Only when more documents wait than one poll takes: the pending ones' entries, counted by the store. */
    private long entriesWaiting(String collection) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(OutboxEntry.PENDING_FIELD).is(true)),
                Aggregation.project().and(OutboxEntry.OUTBOX_FIELD).size().as("entries"),
                Aggregation.group().sum("entries").as("entries"));
        Document total = mongo.aggregate(count, collection, Document.class).getUniqueMappedResult();
        return total == null ? 0 : ((Number) total.get("entries")).longValue();
    }

    @Override
    public void stop() {
        running = false;
        boolean idle = true;
        if (executor != null) {
            executor.shutdown();
            try {
                idle = executor.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                idle = false;
            }
        }
        flusher.shutdownNow();
        if (idle) {
            releaseLeases();
        }
    }

    /**
     * Lets another instance take over at once rather than after a lease, unless a send of this one is still
     * under way: the producer may deliver it after this stop, and the next holder would publish it too. Bounded:
     * with the store already gone a release would wait out the driver's server selection (30 s) per collection
     * and hold up the whole shutdown, for nothing a lease running out does not also do.
     */
    private void releaseLeases() {
        CompletableFuture<Void> releasing = CompletableFuture.runAsync(() -> {
            for (String collection : properties.collections()) {
                long underWay = sending.getOrDefault(collection, Map.of()).values().stream()
                        .filter(send -> !send.isDone()).count();
                if (underWay > 0) {
                    log.info("Outbox relay keeps its lease on {} until it runs out: {} sends still under way",
                            collection, underWay);
                    continue;
                }
                leases.release(collection);
            }
        }, task -> {
            Thread releaser = new Thread(task, "outbox-lease-release");
            releaser.setDaemon(true);
            releaser.start();
        });
        try {
            releasing.get(LEASE_RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Outbox relay did not release its leases ({}); another instance takes over when they run out",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
