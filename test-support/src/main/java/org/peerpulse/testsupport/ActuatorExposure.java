package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every service's actuator answers: health with its two probes, info and the Prometheus scrape (the
 * scrape for {@code ops} only), and nothing else, not even to {@code ops}: an endpoint that is not
 * exposed does not exist (404), so environment, beans, configuration, heap and thread dumps, log levels
 * and shutdown cannot leak or be changed over HTTP. Each service runs {@link #expectations()} against
 * itself, one parameterized test, so the list is written once.
 */
public final class ActuatorExposure {

    public static final String OPS = "ops";
    public static final String QUALITY_LEAD = "quality_lead";
    /** No token at all. */
    public static final String NOBODY = "nobody";

    private static final List<String> EXPOSED = List.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus");
    private static final List<String> NOT_EXPOSED = List.of("/actuator/env", "/actuator/beans",
            "/actuator/configprops", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers",
            "/actuator/mappings", "/actuator/metrics", "/actuator/shutdown");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ActuatorExposure() {
    }

    /** One request and the status it must get. */
    public record Call(String method, String path, String caller, int status) {

        /** The status the service on {@code 127.0.0.1:port} answers to this call. */
        public int statusFrom(int port) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            String token = tokenOf(caller);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + caller + " -> " + status;
        }
    }

    /**
     * {@code ops} gets 200 from every exposed endpoint and 404 from the rest (shutdown also as a POST); a
     * quality lead gets 403 from the scrape, and a caller without a token 401.
     */
    public static Stream<Call> expectations() {
        return Stream.of(
                EXPOSED.stream().map(path -> new Call("GET", path, OPS, 200)),
                NOT_EXPOSED.stream().map(path -> new Call("GET", path, OPS, 404)),
                Stream.of(new Call("POST", "/actuator/shutdown", OPS, 404),
                        new Call("GET", "/actuator/prometheus", QUALITY_LEAD, 403),
                        new Call("GET", "/actuator/prometheus", NOBODY, 401)))
                .flatMap(calls -> calls);
    }

    private static String tokenOf(String caller) {
        return switch (caller) {
            // ops works for no agency: its token carries none.
            case OPS -> TestIssuer.shared().token(Map.of("roles", List.of(OPS)), Duration.ofMinutes(10));
            case QUALITY_LEAD -> TestIssuer.shared().token("harbor", QUALITY_LEAD);
            case NOBODY -> null;
            default -> throw new IllegalArgumentException("unknown caller " + caller);
        };
    }
}
