package org.peerpulse.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Told of every request the security filters refuse, after the problem answer is written: a failed or
 * missing authentication (401) and a verified caller whose role does not reach the path (403). The audit
 * trail implements it; the filter chain calls whichever recorder the context has, so security does not
 * depend on how refusals are kept.
 */
public interface RefusalRecorder {

    /** A request without a token, or with one that did not pass. The token itself must never be kept. */
    void authenticationFailed(HttpServletRequest request, AuthenticationException failure);

    /** A request whose verified caller may not reach the path. */
    void accessDenied(HttpServletRequest request, Authentication caller);
}
