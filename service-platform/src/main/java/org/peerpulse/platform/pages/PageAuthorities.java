package org.peerpulse.platform.pages;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.peerpulse.platform.security.TokenClaims;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The ID token's {@code roles} become {@code ROLE_x} authorities and its {@code agency} {@code AGENCY_x}, as the
 * APIs read them from the access token; a page is let in only with one of its roles and an agency.
 */
public final class PageAuthorities {

    public static final String AGENCY_AUTHORITY_PREFIX = "AGENCY_";

    private PageAuthorities() {
    }

    /** The OpenID user service that adds the roles and the agency to what the provider's user carries. */
    public static OAuth2UserService<OidcUserRequest, OidcUser> agencyAndRoles() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            return new DefaultOidcUser(withAgencyAndRoles(user), user.getIdToken(), user.getUserInfo());
        };
    }

    static Set<GrantedAuthority> withAgencyAndRoles(OidcUser user) {
        Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
        List<String> roles = user.getClaimAsStringList(TokenClaims.ROLES);
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        String agency = user.getClaimAsString(TokenClaims.AGENCY);
        if (agency != null && !agency.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(AGENCY_AUTHORITY_PREFIX + agency));
        }
        return authorities;
    }

    /** Someone of an agency (any agency: the page then shows only theirs) holding at least one of {@code roles}. */
    public static AuthorizationManager<RequestAuthorizationContext> anyRoleOfAnAgency(String... roles) {
        Set<String> wanted = new HashSet<>();
        for (String role : roles) {
            wanted.add("ROLE_" + role);
        }
        return (authentication, context) -> {
            Collection<? extends GrantedAuthority> granted = authentication.get().getAuthorities();
            boolean role = granted.stream().anyMatch(a -> wanted.contains(a.getAuthority()));
            boolean agency = granted.stream().anyMatch(a -> a.getAuthority().startsWith(AGENCY_AUTHORITY_PREFIX));
            return new AuthorizationDecision(role && agency);
        };
    }
}
