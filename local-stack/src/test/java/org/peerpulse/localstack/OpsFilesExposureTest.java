package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The scrape reader behind the ops-files check, on the shapes Micrometer's Prometheus exposition has. */
class OpsFilesExposureTest {

    @Test
    void readsEachSampleNameWithTheLabelNamesOfAllItsLines() {
        String scrape = """
                # HELP http_server_requests_seconds
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{method="GET",status="200",uri="/a",le="0.025"} 3
                http_server_requests_seconds_bucket{method="GET",status="200",uri="/a",le="+Inf"} 4
                http_server_requests_seconds_count{method="GET",status="200",uri="/a"} 4
                odd_total{text="a \\"quoted\\", {braced} = value",other="x"} 1.0

                process_uptime_seconds 12.5
                """;

        assertThat(OpsFilesExposure.samples(scrape))
                .containsOnlyKeys("http_server_requests_seconds_bucket", "http_server_requests_seconds_count", "odd_total",
                        "process_uptime_seconds")
                .containsEntry("http_server_requests_seconds_bucket", Set.of("method", "status", "uri", "le"))
                .containsEntry("http_server_requests_seconds_count", Set.of("method", "status", "uri"))
                .containsEntry("odd_total", Set.of("text", "other"))
                .containsEntry("process_uptime_seconds", Set.of());
    }
}
