package org.peerpulse.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.peerpulse.platform.security.TokenClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the caller's agency in the request's log lines. Registered after Spring Security's filter chain, so
 * it reads the agency claim of a token (or an OIDC login, for the dashboard page) that has already been
 * verified; an anonymous request, such as a participant's form, names none.
 */
public class AgencyLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AgencyLogContext.enter(agency(SecurityContextHolder.getContext().getAuthentication()));
        try {
            chain.doFilter(request, response);
        } finally {
            AgencyLogContext.leave();
        }
    }

    private static String agency(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ClaimAccessor claims) {
            return claims.getClaimAsString(TokenClaims.AGENCY);
        }
        return null;
    }
}
