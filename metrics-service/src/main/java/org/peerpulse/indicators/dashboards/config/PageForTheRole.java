package org.peerpulse.indicators.dashboards.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.platform.security.TokenClaims;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Who may see which page, and where someone goes who opened a page that is not theirs: a specialist who
 * signs in at the dashboard's address lands on their learning page, a quality lead who opens the learning
 * page lands on the dashboard. Only a plain {@code GET} is redirected; anything else (a form posted without
 * its CSRF token too) and anyone with neither page gets the 403 page.
 *
 * <p>The two tests here are the same ones the chain authorizes with, so a redirect always leads to a page
 * the person may see and can never loop.
 */
final class PageForTheRole implements AccessDeniedHandler {

    private final String learningPage;
    private final String dashboardPage;
    private final AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();

    PageForTheRole(String learningPage, String dashboardPage, String deniedPage) {
        this.learningPage = learningPage;
        this.dashboardPage = dashboardPage;
        denied.setErrorPage(deniedPage);
    }

    /** A quality lead whose identity provider names their agency: the dashboard is theirs. */
    static boolean qualityLeadOfAnAgency(Authentication person) {
        return hasAuthority(person, "ROLE_" + Caller.QUALITY_LEAD) && hasAgency(person);
    }

    /**
     * A specialist of an agency whose identity provider also names their own specialist id: the learning
     * page shows that specialist's view and nobody else's, so without the id there is nothing to show.
     */
    static boolean specialistWithAnId(Authentication person) {
        if (!hasAuthority(person, "ROLE_" + Caller.SPECIALIST) || !hasAgency(person)
                || !(person.getPrincipal() instanceof OidcUser user)) {
            return false;
        }
        String specialist = user.getClaimAsString(TokenClaims.SPECIALIST);
        return specialist != null && !specialist.isBlank();
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if ("GET".equals(request.getMethod()) && !(refused instanceof CsrfException) && person != null) {
            if (specialistWithAnId(person)) {
                response.sendRedirect(request.getContextPath() + learningPage);
                return;
            }
            if (qualityLeadOfAnAgency(person)) {
                response.sendRedirect(request.getContextPath() + dashboardPage);
                return;
            }
        }
        denied.handle(request, response, refused);
    }

    private static boolean hasAuthority(Authentication person, String authority) {
        return person != null && person.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    private static boolean hasAgency(Authentication person) {
        return person.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().startsWith(PageSecurityConfiguration.AGENCY_AUTHORITY_PREFIX));
    }
}
