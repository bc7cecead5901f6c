/**
 * Every service is an OAuth2 resource server: bearer JWTs from the configured issuer, roles from the
 * {@code roles} claim and the tenant only from the {@code agency} claim, never from a path or a body.
 * Failures answer {@code application/problem+json} without echoing the token.
 */
package org.peerpulse.platform.security;
