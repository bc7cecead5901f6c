package org.peerpulse.platform.outbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.testsupport.TestBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The shared test broker and store as a relay meets them: a database of its own, a topic of its own, and as
 * many relays as a test wants, each with its own idempotent producer ({@code acks=all}, as the services
 * configure it), meters and lease owner, closed together.
 */
final class OutboxBackends implements AutoCloseable {

    static final String COLLECTION = "sessions";

    final String topic = "outbox-relay-" + UUID.randomUUID();
    final MongoTemplate mongo;
    private final MongoClient client;
    private final AtomicInteger updateCommands = new AtomicInteger();
    private final AtomicInteger failedCommands = new AtomicInteger();
    private final List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();
    private final List<OutboxRelay> relays = new ArrayList<>();

    OutboxBackends(int partitions, Map<String, String> topicConfig) {
        String database = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
        CommandListener updates = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update") && COLLECTION.equals(event.getCommand().getString("update").getValue())) {
                    updateCommands.incrementAndGet();
                }
            }

            @Override
            public void commandFailed(CommandFailedEvent event) {
                failedCommands.incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestBackends.mongoUri(database)))
                .addCommandListener(updates)
                .build());
        mongo = new MongoTemplate(client, database);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBackends.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(topicConfig))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create " + topic, e.getCause());
        }
    }

    /** A relay of {@link #COLLECTION} with its own producer, meters and instance id; stopped on close. */
    OutboxRelay relay(SimpleMeterRegistry registry, Integer batchSize, Duration pollInterval, Duration leaseDuration) {
        DefaultKafkaProducerFactory<String, String> producer = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBackends.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        producers.add(producer);
        OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(producer),
                new OutboxProperties(List.of(COLLECTION), pollInterval, batchSize, "/outbox-test", Duration.ofSeconds(30),
                        leaseDuration),
                new OutboxMeters(registry, List.of(COLLECTION), Clock.systemUTC()), Clock.systemUTC());
        relays.add(relay);
        return relay;
    }

    /** Stores documents as a service does: each with its entries and the pending flag, in one insert. */
    void store(List<Document> documents) {
        mongo.insert(documents, COLLECTION);
    }

    Document document(String id, List<Document> entries) {
        return new Document("_id", id).append(OutboxEntry.OUTBOX_FIELD, entries)
                .append(OutboxEntry.PENDING_FIELD, !entries.isEmpty());
    }

    Document entry(String eventId, String key, String payload) {
        return new Document("eventId", eventId).append("topic", topic).append("key", key)
                .append("type", "org.peerpulse.test.v1").append("payload", payload)
                .append("occurredAt", Date.from(Instant.now()));
    }

    long pendingDocuments() {
        return mongo.count(Query.query(Criteria.where(OutboxEntry.PENDING_FIELD).is(true)), COLLECTION);
    }

    Document stored(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    Document lease() {
        return mongo.findById(COLLECTION, Document.class, OutboxLeases.COLLECTION);
    }

    /** How many {@code update} commands reached the store for {@link #COLLECTION}: one per bulk write. */
    int updateCommands() {
        return updateCommands.get();
    }

    /** How many commands the store answered with an error, as the driver's command meters count them. */
    int failedCommands() {
        return failedCommands.get();
    }

    static String eventId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader(CloudEvents.ID);
        return new String(id.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        relays.forEach(OutboxRelay::stop);
        producers.forEach(DefaultKafkaProducerFactory::destroy);
        client.close();
    }
}
