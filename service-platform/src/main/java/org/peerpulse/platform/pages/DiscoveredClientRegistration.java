package org.peerpulse.platform.pages;

import java.util.Set;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The pages' one client registration, discovered from the issuer's OpenID metadata when it is first needed and
 * then kept. Boot's own registration would fetch the metadata at start-up, so the service (and every test of
 * it) could not start while the provider is down; a failed discovery here fails only that sign-in, and the next
 * one tries again.
 */
public final class DiscoveredClientRegistration implements ClientRegistrationRepository {

    /** The registration id, and so the last segment of the redirect path {@code /login/oauth2/code/peerpulse}. */
    public static final String REGISTRATION_ID = "peerpulse";

    private final PageClient client;
    private volatile ClientRegistration registration;

    public DiscoveredClientRegistration(PageClient client) {
        this.client = client;
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
        return ClientRegistrations.fromIssuerLocation(client.issuerUri().toString())
                .registrationId(REGISTRATION_ID)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(Set.of("openid", "profile"))
                // PKCE as well as the secret: a stolen authorization code is useless on its own.
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }
}
