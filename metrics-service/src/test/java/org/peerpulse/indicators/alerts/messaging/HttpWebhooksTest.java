package org.peerpulse.indicators.alerts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerpulse.indicators.alerts.domain.AlertKind;
import org.peerpulse.indicators.alerts.domain.AlertNotice;
import org.peerpulse.indicators.alerts.domain.DeliveryPolicy;
import org.peerpulse.indicators.alerts.domain.WebhookSecret;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook URL is an agency's setting, so the sender must not be a way into the network it runs in: a host
 * inside it gets no request unless the deployment allows it (the local stack). Real HTTP, on 127.0.0.1.
 */
class HttpWebhooksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T03:00:00Z"), ZoneOffset.UTC);
    private static final AlertNotice NOTICE = new AlertNotice(AlertNotice.OPENED, UUID.randomUUID(),
            AlertKind.HARM_REPORT, "harbor", "warmline", "ana-rivera", LocalDate.parse("2026-12-07"),
            CLOCK.instant(), null, null, null, null, URI.create("https://metrics.harbor.example/alerts"));
    private static final WebhookSecret SECRET = WebhookSecret.derive(new byte[32], "harbor");

    private HttpServer receiver;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "224.0.0.1", "::1", "fd00::1", "fe80::1", "localhost"})
    void addressesInsideTheNetworkAreRecognised(String host) {
        assertThat(HttpWebhooks.insideTheNetwork(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111"})
    void publicAddressesAreNot(String host) {
        assertThat(HttpWebhooks.insideTheNetwork(host)).isFalse();
    }

    @Test
    void aReceiverInsideTheNetworkGetsNothingUnlessTheDeploymentAllowsIt() {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");

        DeliveryPolicy.Answer refused = webhooks(false).send(url, NOTICE, SECRET);
        assertThat(refused.delivered()).isFalse();
        assertThat(refused.status()).isNull();
        assertThat(requests).hasValue(0);

        DeliveryPolicy.Answer sent = webhooks(true).send(url, NOTICE, SECRET);
        assertThat(sent.status()).isEqualTo(204);
        assertThat(requests).hasValue(1);
    }

    private static HttpWebhooks webhooks(boolean privateAddresses) {
        return new HttpWebhooks(JsonMapper.builder().build(), CLOCK, Duration.ofSeconds(2), Duration.ofSeconds(5),
                privateAddresses);
    }
}
