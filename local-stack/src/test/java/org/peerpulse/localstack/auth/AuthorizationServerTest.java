package org.peerpulse.localstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = AuthorizationServerApplication.CONFIG_NAME)
class AuthorizationServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void issuesSignedTokensWithTheTenantAndRoles() throws Exception {
        HttpResponse<String> answer = requestToken("harbor-lead", "harbor-lead-secret");

        assertThat(answer.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verify(json.readTree(answer.body()).path("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(claims.getSubject()).isEqualTo("harbor-lead");
        assertThat(claims.getAudience()).containsExactly("peerpulse");
        assertThat(claims.getStringClaim("agency")).isEqualTo("harbor");
        assertThat(claims.getStringListClaim("roles")).containsExactly("quality_lead");
        assertThat(claims.getExpirationTime()).isInTheFuture();
    }

    @Test
    void aSpecialistsTokenNamesTheirSpecialistIdAndALeadsDoesNot() throws Exception {
        JWTClaimsSet harborPeer = verify(json.readTree(requestToken("harbor-peer", "harbor-peer-secret").body())
                .path("access_token").asString());
        assertThat(harborPeer.getStringClaim("specialist")).isEqualTo("ana-rivera");
        JWTClaimsSet sunrisePeer = verify(json.readTree(requestToken("sunrise-peer", "sunrise-peer-secret").body())
                .path("access_token").asString());
        assertThat(sunrisePeer.getStringClaim("specialist")).isEqualTo("dev-patel");
        JWTClaimsSet lead = verify(json.readTree(requestToken("harbor-lead", "harbor-lead-secret").body())
                .path("access_token").asString());
        assertThat(lead.getClaims()).doesNotContainKey("specialist");
    }

    @Test
    void opsBelongsToNoAgency() throws Exception {
        HttpResponse<String> answer = requestToken("ops", "ops-secret");

        JWTClaimsSet claims = verify(json.readTree(answer.body()).path("access_token").asString());
        assertThat(claims.getClaims()).doesNotContainKey("agency");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ops");
    }

    /** Compose's Prometheus scrapes /actuator/prometheus with this client's tokens (deploy/prometheus/prometheus.yml). */
    @Test
    void prometheusScrapesAsOpsOfNoAgency() throws Exception {
        HttpResponse<String> answer = requestToken("prometheus", "prometheus-secret");

        assertThat(answer.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verify(json.readTree(answer.body()).path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("prometheus");
        assertThat(claims.getAudience()).containsExactly("peerpulse");
        assertThat(claims.getClaims()).doesNotContainKeys("agency", "specialist");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ops");
    }

    @Test
    void refusesAWrongSecret() throws Exception {
        assertThat(requestToken("harbor-lead", "not-the-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void publishesMetadataAndReadiness() throws Exception {
        JsonNode oidc = json.readTree(get("/.well-known/openid-configuration").body());
        assertThat(oidc.path("issuer").asString()).isEqualTo("http://127.0.0.1:9000");
        assertThat(oidc.path("jwks_uri").asString()).isEqualTo("http://127.0.0.1:9000/oauth2/jwks");
        assertThat(get("/.well-known/oauth-authorization-server").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403, 404);
    }

    /**
     * session-service's pages have their own OpenID client: sign-in may come back only to the workspace, and
     * only with PKCE. A request without a code challenge is sent back with an error; a good one is sent to
     * the login form; another service's address is never where it sends the browser.
     */
    @Test
    void theWorkspaceSignsInWithPkceAndReturnsOnlyToItself() throws Exception {
        String good = "/oauth2/authorize?response_type=code&client_id=session-workspace&scope=openid%20profile"
                + "&state=s1&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:8081/login/oauth2/code/peerpulse",
                        StandardCharsets.UTF_8);
        String challenge = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        HttpResponse<String> signIn = browse(good + challenge);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));

        HttpResponse<String> withoutPkce = browse(good);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://127.0.0.1:8081/login/oauth2/code/peerpulse?error=invalid_request"));

        HttpResponse<String> elsewhere = browse(good.replace("8081", "8083") + challenge);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).doesNotContain("8083");
    }

    /**
     * feedback-service's pages for quality leads (the participant's words for a harm alert) have a third OpenID
     * client: sign-in comes back only to feedback-service, and only with PKCE; the workspace's address is refused.
     */
    @Test
    void theLeadsPagesOfFeedbackServiceSignInWithPkceAndReturnOnlyThere() throws Exception {
        String good = "/oauth2/authorize?response_type=code&client_id=feedback-leads&scope=openid%20profile"
                + "&state=s2&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:8082/login/oauth2/code/peerpulse",
                        StandardCharsets.UTF_8);
        String challenge = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        HttpResponse<String> signIn = browse(good + challenge);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));

        HttpResponse<String> withoutPkce = browse(good);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://127.0.0.1:8082/login/oauth2/code/peerpulse?error=invalid_request"));

        HttpResponse<String> elsewhere = browse(good.replace("8082", "8081") + challenge);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).doesNotContain("8081");
    }

    private JWTClaimsSet verify(String token) throws Exception {
        JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        return processor.process(token, null);
    }

    private HttpResponse<String> requestToken(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> browse(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
