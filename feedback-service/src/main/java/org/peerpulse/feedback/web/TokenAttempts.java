package org.peerpulse.feedback.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.peerpulse.feedback.domain.InvitationToken;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Limits how many different tokens one client address may try per minute (API and form together), with
 * a bucket4j token bucket per address. What is counted is what someone guessing tokens does: a token
 * this address has not tried lately. Sending the same token again (after "one moment", or a double tap)
 * costs nothing, and a token that is redeemed gives its attempt back, so a tablet or an agency behind
 * one address can take many answers while guessing stays slow. The address is the connection's own
 * ({@code server.forward-headers-strategy} decides whether a proxy's header is trusted). Buckets live in
 * this instance's memory; idle full ones are dropped once many addresses have been seen.
 */
@Component
@EnableConfigurationProperties(TokenAttemptLimit.class)
public class TokenAttempts {

    private static final int FORGET_IDLE_ABOVE = 10_000;
    private static final int TOKENS_REMEMBERED = 64;

    private final int perMinute;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    TokenAttempts(TokenAttemptLimit limit) {
        this.perMinute = limit.tokenAttemptsPerMinute();
    }

    /**
     * @throws TooManyTokenAttemptsException when this address has tried too many different tokens
     */
    public void admit(String address, InvitationToken token) {
        if (clients.size() > FORGET_IDLE_ABOVE) {
            clients.values().removeIf(client -> client.bucket().getAvailableTokens() >= perMinute);
        }
        Client client = clients.computeIfAbsent(address, any -> new Client(newBucket(), new LinkedHashMap<>(
                16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > TOKENS_REMEMBERED;
            }
        }));
        String hash = token.hash();
        synchronized (client) {
            if (client.recent().containsKey(hash)) {
                return;
            }
            ConsumptionProbe probe = client.bucket().tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw new TooManyTokenAttemptsException(
                        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
            }
            client.recent().put(hash, Boolean.TRUE);
        }
    }

    /** The token was redeemed: it was no guess, so its attempt is given back. */
    public void redeemed(String address) {
        Client client = clients.get(address);
        if (client != null) {
            client.bucket().addTokens(1);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private record Client(Bucket bucket, Map<String, Boolean> recent) {
    }

    /** Too many different tokens from one address; nothing was looked up. */
    public static class TooManyTokenAttemptsException extends RuntimeException {

        private final long retryAfterSeconds;

        TooManyTokenAttemptsException(long retryAfterSeconds) {
            super("too many token attempts");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
