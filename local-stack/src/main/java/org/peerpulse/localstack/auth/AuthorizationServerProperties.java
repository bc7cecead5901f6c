package org.peerpulse.localstack.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the demo authorization server issues tokens.
 *
 * @param issuer the {@code iss} of every token and the base of the advertised endpoints
 * @param audience the {@code aud} every token carries
 * @param tokenTimeToLive how long an access token is valid
 * @param signingKeyFile where the RSA signing key is kept between runs; without it a new key is made at
 *     every start and tokens from an earlier run stop verifying
 * @param clients the clients that may ask for tokens; the demo clients when not configured
 * @param users the people who may sign in with the login form; the demo users when not configured
 * @param dashboardUrl where the metrics-service dashboard page runs: its sign-in comes back to
 *     {@code <dashboardUrl>/login/oauth2/code/peerpulse} and its sign-out to {@code <dashboardUrl>/}
 * @param dashboardClientSecret the secret of the page's {@code metrics-dashboard} client
 * @param workspaceUrl where session-service's pages (the specialists' workspace, the administration page) run:
 *     their sign-in comes back to {@code <workspaceUrl>/login/oauth2/code/peerpulse}, their sign-out to
 *     {@code <workspaceUrl>/}
 * @param workspaceClientSecret the secret of those pages' {@code session-workspace} client
 * @param leadsUrl where feedback-service's pages for quality leads (a harm report's words, the comments) run: their
 *     sign-in comes back to {@code <leadsUrl>/login/oauth2/code/peerpulse}, their sign-out to
 *     {@code <leadsUrl>/comments}
 * @param leadsClientSecret the secret of those pages' {@code feedback-leads} client
 */
@ConfigurationProperties("peerpulse.auth")
public record AuthorizationServerProperties(
        URI issuer,
        String audience,
        Duration tokenTimeToLive,
        Path signingKeyFile,
        List<DemoClient> clients,
        List<DemoUser> users,
        URI dashboardUrl,
        String dashboardClientSecret,
        URI workspaceUrl,
        String workspaceClientSecret,
        URI leadsUrl,
        String leadsClientSecret) {

    /** The OpenID client of the metrics-service dashboard page. */
    public static final String DASHBOARD_CLIENT_ID = "metrics-dashboard";

    /** LOCAL DEMO CREDENTIAL, the default of metrics-service's {@code peerpulse.page.client-secret} too. */
    public static final String LOCAL_DEMO_DASHBOARD_SECRET = "metrics-dashboard-secret";

    /** The OpenID client of session-service's pages. */
    public static final String WORKSPACE_CLIENT_ID = "session-workspace";

    /** LOCAL DEMO CREDENTIAL, the default of session-service's {@code peerpulse.pages.client-secret} too. */
    public static final String LOCAL_DEMO_WORKSPACE_SECRET = "session-workspace-secret";

    /** The OpenID client of feedback-service's pages for quality leads. */
    public static final String LEADS_CLIENT_ID = "feedback-leads";

    /** LOCAL DEMO CREDENTIAL, the default of feedback-service's {@code peerpulse.pages.client-secret} too. */
    public static final String LOCAL_DEMO_LEADS_SECRET = "feedback-leads-secret";

    public AuthorizationServerProperties {
        issuer = issuer == null ? URI.create("http://127.0.0.1:9000") : issuer;
        audience = audience == null || audience.isBlank() ? "peerpulse" : audience;
        tokenTimeToLive = tokenTimeToLive == null ? Duration.ofHours(1) : tokenTimeToLive;
        signingKeyFile = signingKeyFile == null || signingKeyFile.toString().isEmpty() ? null : signingKeyFile;
        clients = clients == null || clients.isEmpty() ? DemoClient.LOCAL_DEMO_CLIENTS : List.copyOf(clients);
        users = users == null || users.isEmpty() ? DemoUser.LOCAL_DEMO_USERS : List.copyOf(users);
        dashboardUrl = dashboardUrl == null || dashboardUrl.toString().isEmpty() ? URI.create("http://127.0.0.1:8083")
                : dashboardUrl;
        dashboardClientSecret = dashboardClientSecret == null || dashboardClientSecret.isBlank()
                ? LOCAL_DEMO_DASHBOARD_SECRET : dashboardClientSecret;
        workspaceUrl = workspaceUrl == null || workspaceUrl.toString().isEmpty() ? URI.create("http://127.0.0.1:8081")
                : workspaceUrl;
        workspaceClientSecret = workspaceClientSecret == null || workspaceClientSecret.isBlank()
                ? LOCAL_DEMO_WORKSPACE_SECRET : workspaceClientSecret;
        leadsUrl = leadsUrl == null || leadsUrl.toString().isEmpty() ? URI.create("http://127.0.0.1:8082") : leadsUrl;
        leadsClientSecret = leadsClientSecret == null || leadsClientSecret.isBlank()
                ? LOCAL_DEMO_LEADS_SECRET : leadsClientSecret;
    }

    public Optional<DemoUser> user(String username) {
        return users.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    public Optional<DemoClient> client(String clientId) {
        return clients.stream().filter(client -> client.id().equals(clientId)).findFirst();
    }

    /**
     * A client allowed the {@code client_credentials} grant.
     *
     * @param agency the tenant written into the {@code agency} claim; {@code null} for ops, who belong to
     *     no agency
     * @param roles written into the {@code roles} claim
     * @param specialist a specialist's id within the agency, written into the {@code specialist} claim;
     *     {@code null} for everyone else
     */
    public record DemoClient(String id, String secret, String agency, List<String> roles, String specialist) {

        /**
         * LOCAL DEMO CREDENTIALS, published in the README on purpose. They only ever guard a stack on
         * 127.0.0.1 with made-up data; a real deployment uses its own OIDC provider and never these.
         */
        public static final List<DemoClient> LOCAL_DEMO_CLIENTS = List.of(
                new DemoClient("harbor-lead", "harbor-lead-secret", "harbor", List.of("quality_lead")),
                new DemoClient("harbor-peer", "harbor-peer-secret", "harbor", List.of("specialist"), "ana-rivera"),
                new DemoClient("sunrise-lead", "sunrise-lead-secret", "sunrise", List.of("quality_lead")),
                new DemoClient("sunrise-peer", "sunrise-peer-secret", "sunrise", List.of("specialist"), "dev-patel"),
                new DemoClient("ops", "ops-secret", null, List.of("ops")),
                // Prometheus of docker-compose.yml (deploy/prometheus/prometheus.yml): an ops engineer's role, so
                // it may read /actuator/prometheus and nothing of any agency; its own client so it can be revoked
                // without locking the people out.
                new DemoClient("prometheus", "prometheus-secret", null, List.of("ops")));

        public DemoClient {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        /** A client that is not a specialist. */
        public DemoClient(String id, String secret, String agency, List<String> roles) {
            this(id, secret, agency, roles, null);
        }
    }

    /**
     * A person who signs in with the login form (the authorization code flow of the dashboard page).
     *
     * @param name the full name the page greets them with
     * @param agency written into the {@code agency} claim of their ID and access tokens
     * @param roles written into the {@code roles} claim
     * @param specialist a specialist's id within the agency, written into the {@code specialist} claim of
     *     their access token; {@code null} for everyone else
     */
    public record DemoUser(String username, String password, String name, String agency, List<String> roles,
            String specialist) {

        /**
         * LOCAL DEMO CREDENTIALS, published in the README on purpose, like the demo clients: a quality lead
         * of each demo agency, and a specialist who may sign in but is not let into the dashboard.
         */
        public static final List<DemoUser> LOCAL_DEMO_USERS = List.of(
                new DemoUser("lena", "harbor-lead-password", "Lena Ortiz", "harbor", List.of("quality_lead")),
                new DemoUser("sam", "sunrise-lead-password", "Sam Okafor", "sunrise", List.of("quality_lead")),
                new DemoUser("ana", "harbor-peer-password", "Ana Rivera", "harbor", List.of("specialist"),
                        "ana-rivera"));

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        /** A person who is not a specialist. */
        public DemoUser(String username, String password, String name, String agency, List<String> roles) {
            this(username, password, name, agency, roles, null);
        }
    }
}
