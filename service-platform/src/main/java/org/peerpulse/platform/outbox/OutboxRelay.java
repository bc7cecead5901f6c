package org.peerpulse.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.peerpulse.platform.messaging.EventRecords;
import org.peerpulse.platform.observability.TraceParents;
import org.peerpulse.platform.tenancy.AcrossAgencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in documents' outboxes, oldest document first, and removes each entry once
 * the broker has acknowledged it ({@code acks=all}, idempotent producer). While Kafka is unreachable the
 * entries simply wait, and the relay backs off; nothing a client was told is accepted is ever lost.
 *
 * <p>A send that outlasts the relay's wait is not abandoned: the producer keeps it buffered and delivers it
 * when the broker returns. So the relay remembers each event's send until it completes and, when it comes
 * back to the document, waits for that send again instead of handing the producer a second copy, which
 * would be published too. An event is sent again only after its earlier send has failed.
 */
@AcrossAgencies("publishes every agency's pending outbox entries; it reads and $pulls by _id only")
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final OutboxMeters meters;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private Duration backoff = Duration.ZERO;
    private final Map<String, CompletableFuture<?>> sending = new ConcurrentHashMap<>();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            OutboxMeters meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void start() {
        if (properties.collections().isEmpty()) {
            return;
        }
        for (String collection : properties.collections()) {
            mongo.indexOps(collection).createIndex(new Index(OutboxEntry.PENDING_FIELD, Sort.Direction.ASC));
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
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
            backoff = backoff.isZero() ? properties.pollInterval() : backoff.multipliedBy(2);
            backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
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

    /** Publishes every pending event once; returns how many were published. */
    public int relayPending() {
        int published = 0;
        for (String collection : properties.collections()) {
            published += relay(collection);
        }
        return published;
    }

    private int relay(String collection) {
        Query pending = Query.query(Criteria.where(OutboxEntry.PENDING_FIELD).is(true))
                .with(Sort.by("_id")).limit(properties.batchSize());
        pending.fields().include(OutboxEntry.OUTBOX_FIELD);
        List<Document> documents = mongo.find(pending, Document.class, collection);
        meters.waiting(collection, documents.size() < properties.batchSize() ? entriesIn(documents)
                : entriesWaiting(collection));
        int published = 0;
        for (Document document : documents) {
            published += publish(collection, document);
        }
        return published;
    }

    private int publish(String collection, Document document) {
        List<Document> entries = document.getList(OutboxEntry.OUTBOX_FIELD, Document.class, List.of());
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (Document entry : entries) {
            String eventId = entry.getString("eventId");
            CompletableFuture<?> earlier = sending.get(eventId);
            if (earlier == null || earlier.isCompletedExceptionally()) {
                Instant occurredAt = entry.getDate("occurredAt").toInstant();
                earlier = TraceParents.within(entry.getString("traceParent"), () -> kafka.send(EventRecords.of(
                        entry.getString("topic"), entry.getString("key"), eventId, entry.getString("type"),
                        occurredAt, properties.source(), entry.getString("payload"))))
                        .thenAccept(acknowledged -> meters.acknowledged(occurredAt));
                sending.put(eventId, earlier);
            }
            sends.add(earlier);
            eventIds.add(eventId);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS).join();
        Object id = document.get("_id");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(OutboxEntry.OUTBOX_FIELD, Query.query(Criteria.where("eventId").in(eventIds))),
                collection);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(OutboxEntry.OUTBOX_FIELD).size(0)),
                new Update().set(OutboxEntry.PENDING_FIELD, false), collection);
        eventIds.forEach(sending::remove);
        return eventIds.size();
    }

    private static long entriesIn(List<Document> documents) {
        return documents.stream().mapToLong(document -> document.getList(OutboxEntry.OUTBOX_FIELD, Document.class,
                List.of()).size()).sum();
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
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
