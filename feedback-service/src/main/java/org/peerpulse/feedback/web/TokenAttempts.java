package org.peerpulse.feedback.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits token attempts (every POST of answers, by API or form) per client address with a token bucket
 * that refills over a minute, so nobody can try tokens at speed; a refused attempt is answered
 * {@code 429} with {@code Retry-After} before any lookup. The address is the connection's own: a
 * forwarded-for header is the client's to choose, so it is trusted only where the server is told to
 * (Boot's {@code server.forward-headers-strategy} behind a known proxy). Buckets live in this instance's
 * memory; idle full buckets are dropped when many addresses have been seen.
 */
@Component
@EnableConfigurationProperties(TokenAttemptLimit.class)
class TokenAttempts extends OncePerRequestFilter {

    private static final int FORGET_IDLE_ABOVE = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    TokenAttempts(TokenAttemptLimit limit) {
        this.perMinute = limit.tokenAttemptsPerMinute();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(path.equals("/api/v1/feedback") || path.startsWith("/f/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (byAddress.size() > FORGET_IDLE_ABOVE) {
            byAddress.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
        }
        Bucket bucket = byAddress.computeIfAbsent(request.getRemoteAddr(), address -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many attempts\",\"status\":429,"
                + "\"detail\":\"Too many feedback attempts from this device. Nothing was saved; please wait "
                + retryAfter + " seconds and send again.\"}");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
