package org.peerpulse.indicators.dashboards.config;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.peerpulse.platform.security.TokenClaims;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
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
 * The pages sign in with OpenID Connect (authorization code with PKCE) and keep a server session, unlike
 * the APIs, which take a bearer token on every call. This chain runs before the platform's stateless one
 * and matches only the pages, their sign-in and sign-out paths and their static files.
 *
 * <p>Two pages, two audiences: the dashboard paths are for a quality lead with an agency, {@code /learning}
 * for a specialist with an agency and a specialist id (their own learning view, decision 0008). Someone
 * who opens the other one is sent to their own ({@link PageForTheRole}); anyone else who signed in gets a
 * plain 403 page.
 *
 * <p>With a session cookie comes CSRF (on, a token in every form), a cookie that is HttpOnly and
 * SameSite=Lax (Secure whenever the request came over https), and a CSP that allows scripts and styles
 * from this origin only: chart data travel in {@code data-*} attributes, never in inline script.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageProperties.class)
public class PageSecurityConfiguration {

    /** The quality leads' dashboard and alert inbox. */
    static final String[] DASHBOARD_PATHS = { "/", "/programs/**", "/specialists/**", "/alerts", "/alerts/**" };

    /** A specialist's own learning page. */
    static final String LEARNING_PATH = "/learning";

    /** What the pages load, open to anyone: no agency's data in them. */
    static final String[] STATIC_PATHS = { "/webjars/**", "/css/**", "/js/**", "/favicon.ico" };

    /** Sign-in, sign-out and the 403 page. */
    static final String[] SIGN_IN_PATHS = { "/denied", "/login/**", "/oauth2/**", "/logout" };

    /** Every path this chain answers; everything else is the platform's. */
    static final String[] PAGE_PATHS = Stream.of(DASHBOARD_PATHS, new String[] { LEARNING_PATH }, SIGN_IN_PATHS,
            STATIC_PATHS).flatMap(Arrays::stream).toArray(String[]::new);

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
                        .requestMatchers(STATIC_PATHS).permitAll()
                        .requestMatchers(LEARNING_PATH).access(allow(PageForTheRole::specialistWithAnId))
                        .requestMatchers(DASHBOARD_PATHS).access(allow(PageForTheRole::qualityLeadOfAnAgency))
                        // The 403 page, and sign-in and sign-out, which the oauth2Login and logout filters
                        // answer before authorization is asked.
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .loginPage("/oauth2/authorization/" + DiscoveredClientRegistration.REGISTRATION_ID)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(agencyAndRoles())))
                .logout(logout -> logout.logoutSuccessHandler(signOut))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new PageForTheRole(LEARNING_PATH, "/", "/denied")))
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

    /** Lets in whoever {@code who} accepts; the same tests decide where a refused person is sent instead. */
    private static AuthorizationManager<RequestAuthorizationContext> allow(Predicate<Authentication> who) {
        return (authentication, context) -> new AuthorizationDecision(who.test(authentication.get()));
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
