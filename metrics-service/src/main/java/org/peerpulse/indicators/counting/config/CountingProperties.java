package org.peerpulse.indicators.counting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code peerpulse.indicators.counting.*}.
 *
 * @param copyWindow how many of each partition's latest events are remembered by id, so that a copy of one
 *     published again at a new offset is not counted (decision 0010): 20,000 unless set, about 0.7 MB a
 *     partition
 */
@ConfigurationProperties("peerpulse.indicators.counting")
public record CountingProperties(Integer copyWindow) {

    public static final int DEFAULT_COPY_WINDOW = 20_000;

    public CountingProperties {
        copyWindow = copyWindow == null ? DEFAULT_COPY_WINDOW : copyWindow;
        if (copyWindow < 1) {
            throw new IllegalArgumentException("peerpulse.indicators.counting.copy-window must be at least 1");
        }
    }
}
