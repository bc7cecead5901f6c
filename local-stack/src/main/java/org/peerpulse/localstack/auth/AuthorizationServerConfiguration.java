package org.peerpulse.localstack.auth;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Wires the authorization server: the clients, the signing key, the claims and the filter chain.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /**
     * One chain for every request (since Spring Security 7 the authorization server configurer matches
     * any request): its protocol endpoints answer for themselves, the health probes are open, and
     * everything else needs an authenticated client or person. A browser that is not signed in is sent
     * to the login form; any other caller gets a plain 401, never a redirect it cannot follow.
     */
    @Bean
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        // Only a caller that asks for HTML by name is a browser; */* (curl, HttpClient) is not.
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browser));
        return http.build();
    }

    /** The demo people of the login form; passwords held as bcrypt hashes like the client secrets. */
    @Bean
    UserDetailsService demoUsers(AuthorizationServerProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(encoder.encode(user.password()))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Secrets are held only as bcrypt hashes, even though the demo ones are public. Besides the
     * {@code client_credentials} clients there are three OpenID clients of pages, the metrics-service dashboard,
     * session-service's workspace and feedback-service's pages for quality leads: authorization code with PKCE and
     * a secret, no consent screen (they are the agency's own applications).
     */
    @Bean
    RegisteredClientRepository registeredClients(AuthorizationServerProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTimeToLive()).build();
        RegisteredClient dashboard = pageClient(AuthorizationServerProperties.DASHBOARD_CLIENT_ID,
                encoder.encode(properties.dashboardClientSecret()), properties.dashboardUrl(), "/", tokens);
        RegisteredClient workspace = pageClient(AuthorizationServerProperties.WORKSPACE_CLIENT_ID,
                encoder.encode(properties.workspaceClientSecret()), properties.workspaceUrl(), "/", tokens);
        RegisteredClient leads = pageClient(AuthorizationServerProperties.LEADS_CLIENT_ID,
                encoder.encode(properties.leadsClientSecret()), properties.leadsUrl(), "/comments", tokens);
        List<RegisteredClient> clients = Stream.concat(Stream.of(dashboard, workspace, leads), properties.clients()
                .stream()
                .map(client -> RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(client.id())
                        .clientSecret(encoder.encode(client.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokens)
                        .build()))
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * A page's OpenID client: it signs in at {@code <url>/login/oauth2/code/peerpulse} and out to
     * {@code <url><signedOut>} (feedback-service has no page at {@code /}: its leads come back to their comments).
     */
    private static RegisteredClient pageClient(String clientId, String secretHash, java.net.URI url,
            String signedOut, TokenSettings tokens) {
        String base = url.toString().replaceAll("/+$", "");
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(base + "/login/oauth2/code/peerpulse")
                .postLogoutRedirectUri(base + signedOut)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(AuthorizationServerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.loadOrCreate(properties.signingKeyFile())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    /**
     * Puts the tenant, the roles and a specialist's own id into the token, and names the services as the audience of an access
     * token. A client's own token carries the client's; a token issued for a person who signed in (ID and
     * access token alike) carries that person's, plus their name in the ID token for the page to greet them.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> peerPulseClaims(AuthorizationServerProperties properties) {
        return context -> {
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                properties.client(context.getRegisteredClient().getClientId()).ifPresent(client -> {
                    context.getClaims().audience(List.of(properties.audience()));
                    tenantAndRoles(context, client.agency(), client.roles(), client.specialist());
                });
                return;
            }
            properties.user(context.getPrincipal().getName()).ifPresent(user -> {
                if (idToken) {
                    context.getClaims().claim("name", user.name());
                    context.getClaims().claim("preferred_username", user.username());
                }
                else {
                    context.getClaims().audience(List.of(properties.audience()));
                }
                tenantAndRoles(context, user.agency(), user.roles(), user.specialist());
            });
        };
    }

    private static void tenantAndRoles(JwtEncodingContext context, String agency, List<String> roles,
            String specialist) {
        context.getClaims().claim("roles", roles);
        if (agency != null) {
            context.getClaims().claim("agency", agency);
        }
        if (specialist != null) {
            context.getClaims().claim("specialist", specialist);
        }
    }
}
