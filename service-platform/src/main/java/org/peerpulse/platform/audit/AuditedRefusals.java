package org.peerpulse.platform.audit;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import org.peerpulse.platform.security.RefusalRecorder;
import org.peerpulse.platform.security.TokenClaims;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Records the refusals of the security filters: {@code authentication.failed} (401) with a reason
 * ({@code missing}, {@code expired}, {@code not_yet_valid}, {@code wrong_audience}, {@code wrong_issuer},
 * {@code invalid_claims}, {@code invalid_token}) and {@code access.denied} (403) with the verified caller.
 *
 * <p>A {@link JwtValidationException} is only raised once the signature has been verified (the decoder checks
 * it first, then the claims), so for those reasons the token's agency and subject are the issuer's own and
 * the record is filed under that agency. For any other failure the token proves nothing: the agency it claims
 * is kept as {@code claimedAgency} only, never as the record's agency. The token itself is read, never kept;
 * the path is kept only under {@code /api/} and {@code /actuator/}, since others can carry a feedback token.
 */
class AuditedRefusals implements RefusalRecorder {

    static final String AUTHENTICATION_FAILED = "authentication.failed";

    private static final String BEARER = "bearer ";

    private final AuditTrail trail;

    AuditedRefusals(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void authenticationFailed(HttpServletRequest request, AuthenticationException failure) {
        String token = bearerToken(request);
        String reason = token == null ? "missing" : reason(failure);
        Map<String, String> target = where(request);
        target.put("reason", reason);
        JWTClaimsSet claims = token == null ? null : unverifiedClaims(token);
        AuditTrail.Actor actor = AuditTrail.Actor.UNKNOWN;
        String claimedAgency = null;
        if (claims != null && signatureHeld(failure)) {
            actor = AuditTrail.Actor.of(string(claims, TokenClaims.AGENCY), claims.getSubject(), roles(claims));
        } else if (claims != null) {
            claimedAgency = AuditTrail.name(string(claims, TokenClaims.AGENCY));
        }
        trail.record(actor, AUTHENTICATION_FAILED, target, HttpStatus.UNAUTHORIZED.value(), claimedAgency);
    }

    @Override
    public void accessDenied(HttpServletRequest request, Authentication caller) {
        trail.record(AuditTrail.Actor.of(caller), AuditInterceptor.ACCESS_DENIED, where(request),
                HttpStatus.FORBIDDEN.value(), null);
    }

    private static Map<String, String> where(HttpServletRequest request) {
        Map<String, String> target = new LinkedHashMap<>();
        target.put("method", request.getMethod());
        String path = request.getRequestURI();
        if (path != null && path.length() <= 200 && (path.startsWith("/api/") || path.startsWith("/actuator/"))
                && path.matches("[A-Za-z0-9/._:-]*")) {
            target.put("path", path);
        }
        return target;
    }

    static String reason(AuthenticationException failure) {
        JwtValidationException validation = validation(failure);
        if (validation == null) {
            return "invalid_token";
        }
        for (OAuth2Error error : validation.getErrors()) {
            String description = error.getDescription() == null ? "" : error.getDescription().toLowerCase(Locale.ROOT);
            if (description.contains("expired")) {
                return "expired";
            }
            if (description.contains("used before")) {
                return "not_yet_valid";
            }
            if (description.contains("aud")) {
                return "wrong_audience";
            }
            if (description.contains("iss")) {
                return "wrong_issuer";
            }
        }
        return "invalid_claims";
    }

    private static boolean signatureHeld(AuthenticationException failure) {
        return validation(failure) != null;
    }

    private static JwtValidationException validation(Throwable failure) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            if (link instanceof JwtValidationException validation) {
                return validation;
            }
        }
        return null;
    }

    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static JWTClaimsSet unverifiedClaims(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static java.util.List<String> roles(JWTClaimsSet claims) {
        try {
            return claims.getStringListClaim(TokenClaims.ROLES);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }
}
