package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The tokenizer behind the ops-files check finds metric names and nothing else, in the PromQL shapes we write. */
class PromQlTest {

    @Test
    void skipsFunctionsAggregationsLabelMatchersRangesAndGrafanaVariables() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{job=~\"$service\", "
                        + "method=\"POST\", uri=~\"/api/v1/sessions|/api/v1/feedback\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void skipsLabelReplaceArgumentsEvenWhenTheyLookLikeNames() {
        assertThat(PromQl.metricNames("max by (group, topic, partition) (label_replace("
                + "kafka_consumer_fetch_manager_records_lag{topic=~\".+[.].+\"}, \"group\", \"$1\", \"client_id\", "
                + "\"consumer-(.+)-[0-9]+\")) > 1000"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void findsBothSidesOfBinaryOperationsAndSkipsVectorMatchingLists() {
        assertThat(PromQl.metricNames("""
                max by (job) (peerpulse_outbox_backlog) > 0
                  and on (job)
                sum by (job) (rate(peerpulse_outbox_relay_delay_seconds_count[10m])) == bool 0
                  or ignoring (collection) group_left (instance) up unless process_uptime_seconds offset 5m
                """))
                .containsExactly("peerpulse_outbox_backlog", "peerpulse_outbox_relay_delay_seconds_count", "up",
                        "process_uptime_seconds");
    }

    @Test
    void skipsNumbersDurationsKeywordsAndTrailingAggregationClauses() {
        assertThat(PromQl.metricNames("sum(rate(a_total[1h30m:1m])) without (instance) / 4 * 3600 + 1e3 - 0.5 > Inf"))
                .containsExactly("a_total");
        assertThat(PromQl.metricNames("sum(x) by (job) / ignoring(le) y")).containsExactly("x", "y");
    }

    @Test
    void keepsRecordingRuleNamesWithColons() {
        assertThat(PromQl.metricNames("job:http_errors:rate5m > 0")).containsExactly("job:http_errors:rate5m");
    }

    @Test
    void keepsTheLabelNamesEachSelectorMatchesOnButNotTheValues() {
        assertThat(PromQl.selectors("sum by (job) (rate(http_server_requests_seconds_count{job=~\"$service\", "
                + "status =~ \"5..\"}[5m])) / on (job) x{uri=\"/a=b,c=\\\"d\\\"\", le!=\"1\", level!~`e=f`} + up"))
                .containsExactly(
                        new PromQl.Selector("http_server_requests_seconds_count", Set.of("job", "status")),
                        new PromQl.Selector("x", Set.of("uri", "le", "level")),
                        new PromQl.Selector("up", Set.of()));
    }

    @Test
    void refusesAnUnbalancedSelector() {
        assertThatIllegalArgumentException().isThrownBy(() -> PromQl.metricNames("up{job=\"x\""));
    }
}
