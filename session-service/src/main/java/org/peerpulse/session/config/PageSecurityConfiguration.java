package org.peerpulse.session.config;

import java.util.List;
import java.util.Locale;

import org.peerpulse.platform.pages.DiscoveredClientRegistration;
import org.peerpulse.platform.pages.PageAuthorities;
import org.peerpulse.platform.pages.PageSecurity;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.session.web.page.WorkspaceLinks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The specialists' workspace and the administration page sign in with OpenID Connect and keep a server session
 * (platform {@link PageSecurity}); this chain runs before the platform's stateless one and matches only the
 * pages, their sign-in and sign-out and their style sheet. Specialists and quality leads of an agency see the
 * workspace, only leads the administration page; anyone else who signed in gets the 403 page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageProperties.class)
public class PageSecurityConfiguration {

    static final String[] PAGE_PATHS = { "/", "/sessions/**", "/admin", "/admin/**", PageSecurity.DENIED_PATH,
            "/login/**", "/oauth2/**", "/logout", "/css/**", "/favicon.ico" };

    @Bean
    ClientRegistrationRepository pageClientRegistration(PageProperties properties) {
        return new DiscoveredClientRegistration(properties.client());
    }

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, PageProperties properties,
            ClientRegistrationRepository registrations) throws Exception {
        http.securityMatcher(PAGE_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/favicon.ico").permitAll()
                        .requestMatchers(PageSecurity.DENIED_PATH).authenticated()
                        .requestMatchers("/admin", "/admin/**").access(PageAuthorities.anyRoleOfAnAgency(Caller.QUALITY_LEAD))
                        .anyRequest().access(PageAuthorities.anyRoleOfAnAgency(Caller.SPECIALIST, Caller.QUALITY_LEAD)));
        PageSecurity.signInAndHeaders(http, registrations, properties.issuerUri());
        return http.build();
    }

    @Bean
    WorkspaceLinks workspaceLinks(PageProperties properties) {
        return new WorkspaceLinks(properties.learningUrl(), properties.dashboardUrl());
    }

    /**
     * The pages' language: the browser's (English or Spanish) until the person picks one with {@code ?lang=},
     * then kept in their session. The APIs answer in English and never open a session.
     */
    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(request -> {
            Locale asked = request.getLocale();
            return asked != null && "es".equals(asked.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
        });
        return resolver;
    }

    @Bean
    WebMvcConfigurer pageLanguage() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor change = new LocaleChangeInterceptor();
                change.setParamName("lang");
                change.setIgnoreInvalidLocale(true);
                registry.addInterceptor(new SupportedLanguages(change)).addPathPatterns(List.of("/", "/sessions/**",
                        "/admin", "/admin/**"));
            }
        };
    }
}
