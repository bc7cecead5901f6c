package org.peerpulse.platform.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.platform.security.TokenClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Writes audit records: stamps the time and the service, and takes the caller from the verified
 * authentication, a bearer JWT for the APIs or the OpenID Connect user of a page, both of which carry the
 * {@code agency}, {@code sub} and {@code roles} claims. A write that fails is logged (action, outcome and the
 * exception's class only) and counted, never thrown: the answer it records has already gone out.
 */
public class AuditTrail {

    static final String FAILURES = "peerpulse.audit.failures";

    /** Ids, roles and agencies as the issuer and the producers mint them; anything else is not kept. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,199}");

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoAuditTrail store;
    private final Clock clock;
    private final String service;
    private final ObjectProvider<MeterRegistry> meters;

    public AuditTrail(MongoAuditTrail store, Clock clock, String service, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.clock = clock;
        this.service = service;
        this.meters = meters;
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
        AuditRecord record = new AuditRecord(clock.instant(), service, actor.agencyId(), actor.subject(),
                actor.roles(), action, target, outcome, claimedAgency);
        try {
            store.append(record);
        } catch (RuntimeException e) {
            log.error("Audit record not written: action {} outcome {} ({})", action, outcome, e.getClass().getName());
            meters.ifAvailable(registry -> registry.counter(FAILURES, "action", action).increment());
        }
    }

    /** The value when it has the shape of an id, else {@code null}: a malformed claim is not copied anywhere. */
    static String name(String value) {
        return value != null && NAME.matcher(value).matches() ? value : null;
    }
}
