package org.peerpulse.indicators.alerts.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.peerpulse.indicators.alerts.domain.AlertNotice;
import org.peerpulse.indicators.alerts.domain.DeliveryPolicy;
import org.peerpulse.indicators.alerts.domain.WebhookSecret;
import org.peerpulse.indicators.alerts.domain.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standard Webhooks over {@code java.net.http}: a POST of the notice as JSON ({@code {type, timestamp, data}})
 * with {@code webhook-id} (the alert's id), {@code webhook-timestamp} (now, in unix seconds) and
 * {@code webhook-signature} ({@code v1,} base64 HMAC-SHA256 of {@code id.timestamp.body}). The body is the same
 * on every try; only the timestamp and so the signature change, since receivers refuse stale timestamps.
 * Redirects are not followed (a redirect is an answer like a 4xx) and the client waits at most
 * {@code connectTimeout} to connect and {@code timeout} for the whole answer. Logs name the alert and status,
 * never the URL (it may carry the receiver's own token) or the body.
 *
 * <p>Unless the deployment allows it (the local stack), nothing is sent to a host that resolves to an address
 * inside the network (loopback, private, link-local, unique-local, wildcard or multicast): the URL is an agency's
 * setting, and the service must not become a way to reach internal hosts. Such a notice is retried like a
 * receiver that does not answer, in case the name is moved, and gives up on the same bound.
 */
public final class HttpWebhooks implements Webhooks {

    private static final Logger log = LoggerFactory.getLogger(HttpWebhooks.class);

    private final HttpClient client;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final boolean privateAddresses;

    public HttpWebhooks(JsonMapper json, Clock clock, Duration connectTimeout, Duration timeout,
            boolean privateAddresses) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.privateAddresses = privateAddresses;
    }

    @Override
    public DeliveryPolicy.Answer send(URI url, AlertNotice notice, WebhookSecret secret) {
        String id = notice.alertId().toString();
        if (!privateAddresses && insideTheNetwork(url.getHost())) {
            log.warn("Webhook of alert {} not sent: its host is inside the network", id);
            return DeliveryPolicy.Answer.none();
        }
        String body = body(notice);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "PeerPulse-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", secret.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new DeliveryPolicy.Answer(response.statusCode(),
                    response.headers().firstValue("retry-after").flatMap(this::retryAfter).orElse(null));
        } catch (IOException e) {
            log.info("Webhook of alert {} got no answer ({})", id, e.getClass().getSimpleName());
            return DeliveryPolicy.Answer.none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryPolicy.Answer.none();
        }
    }

    /** Whether {@code host} names, or resolves to, any address a receiver outside the network never has. */
    static boolean insideTheNetwork(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code type}, {@code timestamp} (when the alert opened) and {@code data}; absent fields are left out. */
    String body(AlertNotice notice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", notice.alertId().toString());
        data.put("kind", notice.kind().name());
        data.put("agencyId", notice.agencyId());
        putIf(data, "programId", notice.programId());
        putIf(data, "specialistId", notice.specialistId());
        putIf(data, "sessionDate", notice.sessionDate() == null ? null : notice.sessionDate().toString());
        data.put("openedAt", notice.openedAt().toString());
        putIf(data, "item", notice.item());
        putIf(data, "previous", notice.previous());
        putIf(data, "value", notice.value());
        putIf(data, "floor", notice.floor());
        data.put("link", notice.link().toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", notice.type());
        envelope.put("timestamp", notice.openedAt().toString());
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Seconds, or an HTTP date; anything else is ignored. */
    private Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH));
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
