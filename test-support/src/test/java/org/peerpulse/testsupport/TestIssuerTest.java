package org.peerpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

class TestIssuerTest {

    private final TestIssuer issuer = TestIssuer.shared();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesDiscoveryAndTheKeySetOnLoopback() throws Exception {
        assertThat(issuer.issuerUri()).matches("http://127\\.0\\.0\\.1:\\d+");
        Map<String, Object> discovery = JSONObjectUtils.parse(get(issuer.issuerUri() + "/.well-known/openid-configuration"));

        assertThat(discovery).containsEntry("issuer", issuer.issuerUri()).containsEntry("jwks_uri", issuer.jwkSetUri());
        JWKSet keys = JWKSet.parse(get(issuer.jwkSetUri()));
        assertThat(keys.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toRSAKey().size()).isEqualTo(2048);
        });
    }

    @Test
    void aTokenVerifiesAgainstTheServedKeysAndCarriesTheClaims() throws Exception {
        JWTClaimsSet claims = processor().process(issuer.token("harbor", "quality_lead", "specialist"), null);

        assertThat(claims.getIssuer()).isEqualTo(issuer.issuerUri());
        assertThat(claims.getSubject()).isEqualTo("test-client");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("agency")).isEqualTo("harbor");
        assertThat(claims.getStringListClaim("roles")).containsExactly("quality_lead", "specialist");
        assertThat(claims.getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));
        assertThat(claims.getIssueTime()).isNotNull();
    }

    @Test
    void aTokenSignedByAnotherKeyDoesNotVerify() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = processor();

        assertThatThrownBy(() -> processor.process(issuer.tokenSignedByAnotherKey("harbor", "specialist"), null))
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void oddTokensCarryWhatTheyAreGiven() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = processor();

        JWTClaimsSet opsOnly = processor.process(issuer.token(Map.of("roles", List.of("ops")), Duration.ofMinutes(5)), null);
        assertThat(opsOnly.getClaim("agency")).isNull();
        assertThat(opsOnly.getStringListClaim("roles")).containsExactly("ops");

        String expired = issuer.token(Map.of("agency", "harbor"), Duration.ofMinutes(-5));
        assertThatThrownBy(() -> processor.process(expired, null)).isInstanceOf(BadJOSEException.class);

        String expiredByClaim = issuer.token(Map.of("exp", Instant.now().minusSeconds(600)), Duration.ofMinutes(5));
        assertThatThrownBy(() -> processor.process(expiredByClaim, null)).isInstanceOf(BadJOSEException.class);
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(get(issuer.jwkSetUri())))));
        return processor;
    }

    private String get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return response.body();
    }
}
