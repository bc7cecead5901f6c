package org.peerpulse.platform.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one security filter chain of a service. Health probes, the OpenAPI document and the service's declared
 * public paths (a participant form, a dashboard page) are open; the Prometheus scrape needs the {@code ops}
 * role; everything else needs a valid bearer token. Sessions are never created: every request carries its
 * token, so there is no cookie to forge and CSRF does not apply.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /**
     * Where springdoc serves a service's OpenAPI document (JSON, and the same as YAML). Open to anyone: it
     * describes the API and holds no agency's data, and a client generator should not need a token to read it.
     */
    static final String[] API_DOCUMENT_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    @Bean
    SecurityFilterChain peerPulseSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
            ObjectProvider<RefusalRecorder> refusals) throws Exception {
        BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
        List<String> publicPaths = properties.publicPaths();
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                            .permitAll();
                    requests.requestMatchers(API_DOCUMENT_PATHS).permitAll();
                    if (!publicPaths.isEmpty()) {
                        requests.requestMatchers(publicPaths.toArray(String[]::new)).permitAll();
                    }
                    requests.requestMatchers("/actuator/**").hasRole(Caller.OPS);
                    requests.anyRequest().authenticated();
                })
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, exception) -> {
                            bearerChallenge.commence(request, response, exception);
                            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED.value(), "Unauthorized",
                                    "A valid bearer token is required.");
                            refusals.ifAvailable(recorder -> recorder.authenticationFailed(request, exception));
                        })
                        .accessDeniedHandler((request, response, exception) -> {
                            ProblemResponses.write(response, HttpStatus.FORBIDDEN.value(), "Forbidden",
                                    "Your role does not allow this.");
                            refusals.ifAvailable(recorder -> recorder.accessDenied(request,
                                    SecurityContextHolder.getContext().getAuthentication()));
                        }));
        return http.build();
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    ApiDocumentSecurity apiDocumentSecurity(SecurityProperties properties) {
        return new ApiDocumentSecurity(properties.publicPaths());
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
