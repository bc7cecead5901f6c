package org.peerpulse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpulse.testsupport.PeerPulseTestContext;
import org.peerpulse.testsupport.TestIssuer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's resource server over real HTTP, against the test issuer's published key: a token passes
 * only when it is signed with RS256 by that key, names the issuer and the PeerPulse audience, and has not
 * expired. Every other token, whatever it claims, is a 401 problem.
 */
@SpringBootTest(classes = TokenValidationIntegrationTest.ProbeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=tokens")
@ContextConfiguration(initializers = PeerPulseTestContext.class)
class TokenValidationIntegrationTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aTokenOfTheIssuerForPeerPulseIsAccepted() throws Exception {
        HttpResponse<String> answer = probe(ISSUER.token("harbor", "quality_lead"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("harbor");
    }

    static Stream<Arguments> refusedTokens() throws Exception {
        String valid = ISSUER.token("harbor", "quality_lead");
        JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
        return Stream.of(
                Arguments.of("signed by another key with the same key id", ISSUER.tokenSignedByAnotherKey("harbor", "quality_lead")),
                Arguments.of("payload changed after signing (another agency)", withPayload(valid,
                        new JWTClaimsSet.Builder(claims).claim("agency", "sunrise").build())),
                Arguments.of("expired five minutes ago", ISSUER.token(Map.of("agency", "harbor",
                        "roles", List.of("quality_lead")), Duration.ofMinutes(-5))),
                Arguments.of("not valid before an hour from now", ISSUER.token(Map.of("agency", "harbor",
                        "roles", List.of("quality_lead"), "nbf", Instant.now().plusSeconds(3600)), Duration.ofHours(2))),
                Arguments.of("meant for another audience", ISSUER.token(Map.of("agency", "harbor",
                        "roles", List.of("quality_lead"), "aud", "billing"), Duration.ofMinutes(5))),
                Arguments.of("without an audience", ISSUER.token(Map.of("agency", "harbor",
                        "roles", List.of("quality_lead"), "aud", List.of()), Duration.ofMinutes(5))),
                Arguments.of("from another issuer", ISSUER.token(Map.of("agency", "harbor",
                        "roles", List.of("quality_lead"), "iss", "http://127.0.0.1:1/evil"), Duration.ofMinutes(5))),
                Arguments.of("alg none", new PlainJWT(claims).serialize()),
                Arguments.of("HS256 keyed with the published public key", hmacWithPublicKey(claims)),
                Arguments.of("not a JWT at all", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void everyOtherTokenIsRefused(String what, String token) throws Exception {
        HttpResponse<String> answer = probe(token);
        assertThat(answer.statusCode()).as(what).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(answer.body()).as("the token is never echoed").doesNotContain(token);
    }

    private HttpResponse<String> probe(String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/probe"))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same header and signature over other claims: what an attacker who edits a token gets. */
    private static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** The algorithm-confusion attack: an HMAC "signed" with the RSA public key everyone can download. */
    private static String hmacWithPublicKey(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(ISSUER.publicKey().getKeyID()).build(), claims);
        jwt.sign(new MACSigner(ISSUER.publicKey().toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probe.class)
    static class ProbeApplication {
    }

    /** Answers the caller's agency, as read from a token that passed. */
    @RestController
    static class Probe {

        @GetMapping("/api/v1/probe")
        String probe(Caller caller) {
            return caller.agencyId();
        }
    }
}
