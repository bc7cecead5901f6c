package org.peerpulse.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.peerpulse.platform.security.Caller;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

class PageAuthoritiesTest {

    @Test
    void theIdTokensRolesAndAgencyBecomeAuthorities() {
        OidcUser ana = user(Map.of("roles", List.of("specialist"), "agency", "harbor", "specialist", "ana-rivera",
                "name", "Ana Rivera"));

        assertThat(PageAuthorities.withAgencyAndRoles(ana)).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_specialist", "AGENCY_harbor");
    }

    @Test
    void aPageLetsInOnlyItsRolesOfAnAgency() {
        var specialistsAndLeads = PageAuthorities.anyRoleOfAnAgency(Caller.SPECIALIST, Caller.QUALITY_LEAD);

        assertThat(specialistsAndLeads.authorize(as("ROLE_specialist", "AGENCY_harbor"), null).isGranted()).isTrue();
        assertThat(specialistsAndLeads.authorize(as("ROLE_quality_lead", "AGENCY_harbor"), null).isGranted()).isTrue();
        assertThat(specialistsAndLeads.authorize(as("ROLE_ops"), null).isGranted()).isFalse();
        assertThat(specialistsAndLeads.authorize(as("ROLE_specialist"), null).isGranted()).isFalse();
        assertThat(PageAuthorities.anyRoleOfAnAgency(Caller.QUALITY_LEAD)
                .authorize(as("ROLE_specialist", "AGENCY_harbor"), null).isGranted()).isFalse();
    }

    @Test
    void thePageUserIsTheCallerTheApiWouldSee() {
        PageUser ana = PageUser.of(user(Map.of("roles", List.of("specialist"), "agency", "harbor",
                "specialist", "ana-rivera", "name", "Ana Rivera")));

        assertThat(ana.name()).isEqualTo("Ana Rivera");
        assertThat(ana.caller()).isEqualTo(new Caller("harbor", "ana", Set.of("specialist"), "ana-rivera"));
        assertThat(PageUser.of(user(Map.of("roles", List.of("quality_lead"), "agency", "harbor"))).specialistId())
                .isNull();
    }

    @Test
    void thePolicyAllowsOnlyThisOriginDataImagesAndTheProvidersSignOut() {
        String csp = PageSecurity.contentSecurityPolicy(URI.create("http://127.0.0.1:9000/realms/x"));

        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "img-src 'self' data:",
                "form-action 'self' http://127.0.0.1:9000;", "frame-ancestors 'none'").doesNotContain("unsafe");
    }

    private static Supplier<Authentication> as(String... authorities) {
        return () -> new TestingAuthenticationToken("someone", "n/a",
                List.of(authorities).stream().map(a -> (GrantedAuthority) new SimpleGrantedAuthority(a)).toList());
    }

    private static OidcUser user(Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("sub", "ana");
        OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), all);
        return new DefaultOidcUser(List.of(), token);
    }
}
