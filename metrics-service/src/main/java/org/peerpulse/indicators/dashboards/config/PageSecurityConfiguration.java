package org.peerpulse.indicators.dashboards.config;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.peerpulse.platform.pages.DiscoveredClientRegistration;
import org.peerpulse.platform.pages.PageAuthorities;
import org.peerpulse.platform.pages.PageClient;
import org.peerpulse.platform.pages.PageSecurity;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

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

    static final String AGENCY_AUTHORITY_PREFIX = PageAuthorities.AGENCY_AUTHORITY_PREFIX;

    @Bean
    ClientRegistrationRepository pageClientRegistration(PageProperties properties) {
        return new DiscoveredClientRegistration(new PageClient(properties.issuerUri(), properties.clientId(),
                properties.clientSecret()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, PageProperties properties,
            ClientRegistrationRepository registrations) throws Exception {
        http.securityMatcher(PAGE_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(STATIC_PATHS).permitAll()
                        .requestMatchers(LEARNING_PATH).access(allow(PageForTheRole::specialistWithAnId))
                        .requestMatchers(DASHBOARD_PATHS).access(allow(PageForTheRole::qualityLeadOfAnAgency))
                        // The 403 page, and sign-in and sign-out, which the oauth2Login and logout filters
                        // answer before authorization is asked.
                        .anyRequest().authenticated());
        // Sign-in, sign-out, the ID token's roles and agency, and the headers, as every PeerPulse page has them;
        // a refused person is then sent to the page for their role rather than straight to the 403 page.
        PageSecurity.signInAndHeaders(http, registrations, properties.issuerUri())
                .exceptionHandling(errors -> errors.accessDeniedHandler(new PageForTheRole(LEARNING_PATH, "/", "/denied")));
        return http.build();
    }

    /** Lets in whoever {@code who} accepts; the same tests decide where a refused person is sent instead. */
    private static AuthorizationManager<RequestAuthorizationContext> allow(Predicate<Authentication> who) {
        return (authentication, context) -> new AuthorizationDecision(who.test(authentication.get()));
    }
}
