package org.peerpulse.platform.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mongoPingTimeout how long the readiness ping may wait for MongoDB, server selection included
 *     (default 2 s). Only the ping is bounded: the driver's own 30 s server selection stays for every other
 *     operation, so a short database hiccup delays a write instead of failing it, while a probe (which
 *     kubelet gives 1 s by default, ours a few) still answers DOWN in time instead of hanging.
 */
@ConfigurationProperties("peerpulse.health")
public record HealthProperties(Duration mongoPingTimeout) {

    public HealthProperties {
        mongoPingTimeout = mongoPingTimeout == null ? Duration.ofSeconds(2) : mongoPingTimeout;
        if (mongoPingTimeout.isNegative() || mongoPingTimeout.isZero()) {
            throw new IllegalArgumentException("peerpulse.health.mongo-ping-timeout must be positive");
        }
    }
}
