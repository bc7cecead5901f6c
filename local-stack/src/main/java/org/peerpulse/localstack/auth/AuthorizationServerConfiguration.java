package org.peerpulse.localstack.auth;

import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wires the authorization server: the clients, the signing key, the claims and the filter chain.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /**
     * One chain for every request (since Spring Security 7 the authorization server configurer matches
     * any request): its protocol endpoints answer for themselves, the health probes are open, and
     * everything else needs an authenticated client.
     */
    @Bean
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Secrets are held only as bcrypt hashes, even though the demo ones are public. */
    @Bean
    RegisteredClientRepository registeredClients(AuthorizationServerProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTimeToLive()).build();
        List<RegisteredClient> clients = properties.clients().stream()
                .map(client -> RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(client.id())
                        .clientSecret(encoder.encode(client.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokens)
                        .build())
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(AuthorizationServerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.loadOrCreate(properties.signingKeyFile())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    /** Puts the tenant and the roles into the token, and names the services as its audience. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> peerPulseClaims(AuthorizationServerProperties properties) {
        return context -> properties.client(context.getRegisteredClient().getClientId()).ifPresent(client -> {
            context.getClaims().audience(List.of(properties.audience()));
            context.getClaims().claim("roles", client.roles());
            if (client.agency() != null) {
                context.getClaims().claim("agency", client.agency());
            }
        });
    }
}
