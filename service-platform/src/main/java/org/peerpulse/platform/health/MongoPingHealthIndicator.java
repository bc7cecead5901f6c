package org.peerpulse.platform.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * UP when the service's database answers a {@code ping} within the timeout. The timeout is the driver's
 * client-side operation timeout on this one command ({@code timeoutMS}, which also caps server selection),
 * so an unreachable database makes readiness DOWN after a couple of seconds rather than after the
 * client's 30 s server selection timeout, which every other operation keeps.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoTemplate mongo;
    private final Duration timeout;

    public MongoPingHealthIndicator(MongoTemplate mongo, Duration timeout) {
        super("MongoDB ping failed");
        this.mongo = mongo;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.getDb().withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).runCommand(PING);
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
