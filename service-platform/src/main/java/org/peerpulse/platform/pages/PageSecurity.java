package org.peerpulse.platform.pages;

import java.net.URI;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in, sign-out and headers of a page chain. Pages keep a server session, unlike the APIs, which take a
 * bearer token on every call; with the session cookie come CSRF (left on: a token in every form), a cookie that
 * is HttpOnly and SameSite=Lax (set by each service's {@code server.servlet.session.cookie}), and a CSP that
 * allows scripts, styles and images from this origin only (and {@code data:} images, such as a QR code). A
 * signed-in person the chain refuses is shown the service's {@code /denied} page.
 */
public final class PageSecurity {

    /** Where a refused, signed-in person is sent; each service serves its own page there, answering 403. */
    public static final String DENIED_PATH = "/denied";

    private PageSecurity() {
    }

    /**
     * Applies sign-in with the discovered client, sign-out at the provider (back to this service's root), the
     * 403 page and the headers. The caller adds its {@code securityMatcher} and its authorization rules.
     */
    public static HttpSecurity signInAndHeaders(HttpSecurity http, ClientRegistrationRepository registrations,
            URI issuer) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}/");
        return http
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .loginPage("/oauth2/authorization/" + DiscoveredClientRegistration.REGISTRATION_ID)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(PageAuthorities.agencyAndRoles())))
                .logout(logout -> logout.logoutSuccessHandler(signOut))
                .exceptionHandling(errors -> errors.accessDeniedPage(DENIED_PATH))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    /**
     * Same-origin scripts, styles and data only. {@code form-action} names the provider too, because Chromium
     * applies it to the redirect that follows the sign-out form.
     */
    public static String contentSecurityPolicy(URI issuer) {
        String provider = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; form-action 'self' " + provider + "; "
                + "frame-ancestors 'none'; base-uri 'none'";
    }
}
