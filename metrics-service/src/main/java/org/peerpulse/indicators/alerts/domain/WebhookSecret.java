package org.peerpulse.indicators.alerts.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An agency's webhook signing secret, as Standard Webhooks writes it: {@code whsec_} and the base64 of the key
 * bytes. Each agency's is derived from the one deployment key as HMAC-SHA256(deployment key,
 * {@code "webhook:" + agencyId}), so there is nothing per agency to store, back up or leak from the database,
 * and rotating the deployment key rotates every agency's secret (decision 0017).
 */
public final class WebhookSecret {

    private static final String PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < 24) {
            throw new IllegalArgumentException("a webhook secret has at least 24 bytes");
        }
        this.key = key.clone();
    }

    public static WebhookSecret derive(byte[] deploymentKey, String agencyId) {
        return new WebhookSecret(hmac(deploymentKey, ("webhook:" + agencyId).getBytes(StandardCharsets.UTF_8)));
    }

    /** The secret written as {@code whsec_<base64>}, as a receiver's library takes it. */
    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return new WebhookSecret(Base64.getDecoder().decode(text.substring(PREFIX.length())));
    }

    /** {@code whsec_<base64>}: what the agency's quality lead copies into the receiver. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} header's value: {@code v1,} and the base64 HMAC-SHA256 of
     * {@code "{id}.{timestamp}.{body}"}.
     */
    public String sign(String id, long timestamp, String body) {
        byte[] signed = hmac(key, (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    /** Whether {@code signature} (one of the space-separated ones in the header) is this secret's, in constant time. */
    public boolean verifies(String id, long timestamp, String body, String header) {
        byte[] expected = sign(id, timestamp, body).getBytes(StandardCharsets.UTF_8);
        for (String signature : header.split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
