package org.peerpulse.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the Mongo collections whose documents carry an outbox; none means no relay runs
 * @param pollInterval how often the relay looks for pending events
 * @param batchSize how many documents one poll handles
 * @param source the CloudEvents {@code ce_source} of this service's events
 * @param sendTimeout how long the relay waits for the broker to acknowledge one document's events before
 *     it backs off and tries again (default 15 s); the sends themselves are not abandoned
 */
@ConfigurationProperties("peerpulse.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Integer batchSize, String source,
        Duration sendTimeout) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        source = source == null ? "/peerpulse" : source;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
    }
}
