package org.peerpulse.indicators.dashboards.config;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.peerpulse.platform.security.Caller;
import org.peerpulse.platform.security.TokenClaims;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The quality leads' page signs in with OpenID Connect (authorization code with PKCE) and keeps a server
 * session, unlike the APIs, which take a bearer token on every call. This chain runs before the
 * platform's stateless one and matches only the page, its sign-in and sign-out paths and its static files.
 *
 * <p>With a session cookie comes CSRF (on, a token in every form), a cookie that is HttpOnly and
 * SameSite=Lax (Secure whenever the request came over https), and a CSP that allows scripts and styles
 * from this origin only: chart data travel in {@code data-*} attributes, never in inline script. Only a
 * quality lead with an agency sees the page; anyone else who signed in gets a plain 403 page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageProperties.class)
public class PageSecurityConfiguration {

    /** The page, sign-in and sign-out, and what the page loads; everything else is the platform's. */
    static final String[] PAGE_PATHS = { "/", "/programs/**", "/specialists/**", "/alerts", "/alerts/**",
            "/denied", "/login/**", "/oauth2/**", "/logout", "/webjars/**", "/css/**", "/js/**", "/favicon.ico" };

    static final String AGENCY_AUTHORITY_PREFIX = "AGENCY_";

    @Bean
    ClientRegistrationRepository pageClientRegistration(PageProperties properties) {
        return new DiscoveredClientRegistration(properties);
    }

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, PageProperties properties,
            ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}/");
        http.securityMatcher(PAGE_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/denied").authenticated()
                        .anyRequest().access(qualityLeadOfAnAgency()))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .loginPage("/oauth2/authorization/" + DiscoveredClientRegistration.REGISTRATION_ID)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(agencyAndRoles())))
                .logout(logout -> logout.logoutSuccessHandler(signOut))
                .exceptionHandling(errors -> errors.accessDeniedPage("/denied"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.issuerUri())))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Same-origin scripts, styles and data only. {@code form-action} names the provider too, because
     * Chromium applies it to the redirect that follows the sign-out form.
     */
    static String contentSecurityPolicy(URI issuer) {
        String provider = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; form-action 'self' " + provider + "; "
                + "frame-ancestors 'none'; base-uri 'none'";
    }

    /** The page is for quality leads, and only ever of the agency their identity provider names. */
    private static AuthorizationManager<RequestAuthorizationContext> qualityLeadOfAnAgency() {
        return (authentication, context) -> {
            Collection<? extends GrantedAuthority> granted = authentication.get().getAuthorities();
            boolean lead = granted.stream().anyMatch(a -> ("ROLE_" + Caller.QUALITY_LEAD).equals(a.getAuthority()));
            boolean agency = granted.stream().anyMatch(a -> a.getAuthority().startsWith(AGENCY_AUTHORITY_PREFIX));
            return new AuthorizationDecision(lead && agency);
        };
    }

    /** The ID token's {@code roles} become {@code ROLE_x} and its {@code agency} {@code AGENCY_x}, as for the APIs. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> agencyAndRoles() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            List<String> roles = user.getClaimAsStringList(TokenClaims.ROLES);
            if (roles != null) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            String agency = user.getClaimAsString(TokenClaims.AGENCY);
            if (agency != null && !agency.isBlank()) {
                authorities.add(new SimpleGrantedAuthority(AGENCY_AUTHORITY_PREFIX + agency));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
        };
    }
}
