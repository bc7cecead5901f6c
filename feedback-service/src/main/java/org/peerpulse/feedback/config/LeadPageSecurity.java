package org.peerpulse.feedback.config;

import org.peerpulse.platform.pages.DiscoveredClientRegistration;
import org.peerpulse.platform.pages.PageAuthorities;
import org.peerpulse.platform.pages.PageSecurity;
import org.peerpulse.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The quality leads' pages sign in with OpenID Connect and keep a server session (platform {@link PageSecurity});
 * this chain runs before the platform's stateless one and matches only those pages, their sign-in and sign-out.
 * The participant's form ({@code /f/**}) and its style sheet are not among them: they stay open and never get a
 * session cookie. Only quality leads of an agency are let in; anyone else who signed in gets the 403 page. The
 * pages show a participant's words, so no page address ever leaves in a Referer ({@code no-referrer}, stricter
 * than the platform's same-origin), and Spring Security's default {@code Cache-Control: no-store} stays.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageProperties.class)
class LeadPageSecurity {

    static final String[] PAGE_PATHS = { "/harm-reports/**", "/comments", PageSecurity.DENIED_PATH,
            "/login/**", "/oauth2/**", "/logout" };

    static final String SIGNED_OUT_PATH = "/comments";

    @Bean
    ClientRegistrationRepository pageClientRegistration(PageProperties properties) {
        return new DiscoveredClientRegistration(properties.client());
    }

    @Bean
    @Order(1)
    SecurityFilterChain leadPageSecurityFilterChain(HttpSecurity http, PageProperties properties,
            ClientRegistrationRepository registrations) throws Exception {
        http.securityMatcher(PAGE_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PageSecurity.DENIED_PATH).authenticated()
                        .anyRequest().access(PageAuthorities.anyRoleOfAnAgency(Caller.QUALITY_LEAD)));
        PageSecurity.signInAndHeaders(http, registrations, properties.issuerUri());
        http.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        // feedback-service has nothing at / (production routes only its API and page paths to it): sign-out comes
        // back to the comments page, the leads' way in, which the provider knows as this client's only such address.
        OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT_PATH);
        http.logout(logout -> logout.logoutSuccessHandler(signOut));
        return http.build();
    }
}
