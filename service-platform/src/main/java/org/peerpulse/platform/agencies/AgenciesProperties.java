package org.peerpulse.platform.agencies;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param follow whether this service reads the agencies topic (every service but session-service, which
 *     owns the directory)
 */
@ConfigurationProperties("peerpulse.agencies")
public record AgenciesProperties(Boolean follow) {

    public AgenciesProperties {
        follow = follow == null || follow;
    }
}
