package org.peerpulse.platform.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.peerpulse.platform.security.TokenClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The request's side of the audit trail: stamps the time and the service, takes the caller from the verified
 * authentication, a bearer JWT for the APIs or the OpenID Connect user of a page, both of which carry the
 * {@code agency}, {@code sub} and {@code roles} claims, and hands the record to the {@link AuditWriter}, which
 * writes it within the flush interval, off the request thread. Nothing is thrown: the answer it records has
 * already gone out.
 */
public class AuditTrail {

    /** Ids, roles and agencies as the issuer and the producers mint them; anything else is not kept. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,199}");

    private final AuditWriter writer;
    private final Clock clock;
    private final String service;

    AuditTrail(AuditWriter writer, Clock clock, String service) {
        this.writer = writer;
        this.clock = clock;
        this.service = service;
    }

    /** Who is calling, as the verified authentication says; all {@code null} for an anonymous caller. */
    record Actor(String agencyId, String subject, List<String> roles) {

        static final Actor UNKNOWN = new Actor(null, null, List.of());

        static Actor of(Authentication authentication) {
            ClaimAccessor claims = null;
            if (authentication instanceof JwtAuthenticationToken token) {
                claims = token.getToken();
            } else if (authentication != null && authentication.isAuthenticated()
                    && authentication.getPrincipal() instanceof ClaimAccessor principal) {
                claims = principal;
            }
            if (claims == null) {
                return UNKNOWN;
            }
            return of(claims.getClaimAsString(TokenClaims.AGENCY), claims.getClaimAsString("sub"),
                    claims.getClaimAsStringList(TokenClaims.ROLES));
        }

        static Actor of(String agency, String subject, List<String> roles) {
            return new Actor(name(agency), name(subject),
                    roles == null ? List.of() : roles.stream().map(AuditTrail::name).filter(r -> r != null).sorted().toList());
        }
    }

    void record(Actor actor, String action, Map<String, String> target, int outcome, String claimedAgency) {
        writer.enqueue(new AuditRecord(clock.instant(), service, actor.agencyId(), actor.subject(), actor.roles(),
                action, target, outcome, claimedAgency));
    }

    /** The value when it has the shape of an id, else {@code null}: a malformed claim is not copied anywhere. */
    static String name(String value) {
        return value != null && NAME.matcher(value).matches() ? value : null;
    }
}
