package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OAuth2 issuer for tests: an RSA-2048 key made at start, its public JWKS served at
 * {@code /oauth2/jwks} and discovery at {@code /.well-known/openid-configuration}, from the JDK's
 * HTTP server on 127.0.0.1, and RS256 tokens carrying the claims the services read
 * ({@code agency}, {@code roles}).
 *
 * <p>Use {@link #shared()}: one issuer per JVM, which is what {@link PeerPulseTestContext} points
 * every test context at.
 */
public final class TestIssuer implements AutoCloseable {

    /** The {@code sub} of every token: the client-credentials client id. */
    public static final String SUBJECT = "test-client";

    /** The {@code aud} of every token unless a test sets another: the one the services accept. */
    public static final String AUDIENCE = "peerpulse";

    private static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    private final HttpServer server;

    private final String issuerUri;

    private final RSAKey signingKey;

    private final RSAKey unpublishedKey;

    private TestIssuer() {
        String keyId = UUID.randomUUID().toString();
        this.signingKey = newKey(keyId);
        // Same key id as the published key: a service must reject it on the signature, not on a lookup miss.
        this.unpublishedKey = newKey(keyId);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test issuer on 127.0.0.1", e);
        }
        this.issuerUri = "http://127.0.0.1:" + server.getAddress().getPort();
        String jwks = new JWKSet(signingKey.toPublicJWK()).toString();
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("issuer", issuerUri);
        discovery.put("jwks_uri", jwkSetUri());
        discovery.put("token_endpoint", issuerUri + "/oauth2/token");
        discovery.put("grant_types_supported", List.of("client_credentials"));
        discovery.put("response_types_supported", List.of("token"));
        discovery.put("subject_types_supported", List.of("public"));
        discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
        String discoveryJson = JSONObjectUtils.toJSONString(discovery);
        server.createContext("/oauth2/jwks", exchange -> respond(exchange, jwks));
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, discoveryJson));
        server.createContext("/.well-known/oauth-authorization-server", exchange -> respond(exchange, discoveryJson));
        server.start();
    }

    /** The issuer of this JVM, started on first use and stopped when the JVM ends. */
    public static TestIssuer shared() {
        return Shared.INSTANCE;
    }

    /** {@code http://127.0.0.1:<port>}, the {@code iss} of every token. */
    public String issuerUri() {
        return issuerUri;
    }

    /** {@code <issuer>/oauth2/jwks}. */
    public String jwkSetUri() {
        return issuerUri + "/oauth2/jwks";
    }

    /** A valid token for 10 minutes, for a caller of {@code agency} with {@code roles}. */
    public String token(String agency, String... roles) {
        return sign(signingKey, claims(Map.of("agency", agency, "roles", List.of(roles)), DEFAULT_TTL));
    }

    /** A valid token for 10 minutes, for a specialist of {@code agency} whose id there is {@code specialistId}. */
    public String specialistToken(String agency, String specialistId) {
        return sign(signingKey, claims(Map.of("agency", agency, "roles", List.of("specialist"),
                "specialist", specialistId), DEFAULT_TTL));
    }

    /**
     * A token with the standard claims ({@code iss}, {@code sub}, {@code iat}, {@code exp} = now +
     * {@code ttl}, {@code jti}) plus {@code extraClaims}, which win over them. No agency or roles
     * unless given. A negative {@code ttl} makes an expired token; mind that resource servers allow
     * 60 s of clock skew. Time claims ({@code exp}, {@code iat}, {@code nbf}) may be {@link Instant},
     * {@link Date} or epoch seconds.
     */
    public String token(Map<String, Object> extraClaims, Duration ttl) {
        return sign(signingKey, claims(extraClaims, ttl));
    }

    /**
     * Looks like {@link #token(String, String...)} (same key id, same claims) but is signed by a key
     * this issuer never published: it must be rejected.
     */
    public String tokenSignedByAnotherKey(String agency, String... roles) {
        return sign(unpublishedKey, claims(Map.of("agency", agency, "roles", List.of(roles)), DEFAULT_TTL));
    }

    /** The public half of the signing key, as served. */
    public RSAKey publicKey() {
        return signingKey.toPublicJWK();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet claims(Map<String, Object> extraClaims, Duration ttl) {
        Instant now = Instant.now();
        Instant expiry = now.plus(ttl);
        Instant issuedAt = ttl.isNegative() ? expiry.minus(DEFAULT_TTL) : now;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuerUri)
                .subject(SUBJECT)
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString());
        extraClaims.forEach((name, value) -> claims.claim(name, claimValue(name, value)));
        return claims.build();
    }

    private static Object claimValue(String name, Object value) {
        boolean timeClaim = name.equals("exp") || name.equals("iat") || name.equals("nbf");
        if (timeClaim && value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (timeClaim && value instanceof Number seconds) {
            return new Date(seconds.longValue() * 1000);
        }
        return value;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static final class Shared {

        static final TestIssuer INSTANCE = start();

        private static TestIssuer start() {
            TestIssuer issuer = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "peerpulse-test-issuer-stop"));
            return issuer;
        }
    }
}
