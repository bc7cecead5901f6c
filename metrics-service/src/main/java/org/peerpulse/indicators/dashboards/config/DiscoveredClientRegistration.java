package org.peerpulse.indicators.dashboards.config;

import java.util.Set;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The page's one client registration, discovered from the issuer's OpenID metadata when it is first
 * needed and then kept. Boot's own registration would fetch the metadata at start-up, so the service
 * (and every test of it) could not start while the provider is down; a failed discovery here fails only
 * that sign-in, and the next one tries again.
 */
final class DiscoveredClientRegistration implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "peerpulse";

    private final PageProperties properties;
    private volatile ClientRegistration registration;

    DiscoveredClientRegistration(PageProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
                .registrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(Set.of("openid", "profile"))
                // PKCE as well as the secret: a stolen authorization code is useless on its own.
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }
}
