/**
 * The local stand-in for an agency's OpenID provider: a small Spring Authorization Server that hands out
 * {@code client_credentials} tokens to the demo clients, signed with RS256 and carrying the {@code agency}
 * and {@code roles} claims the services read. It exists so that the local run exercises the same
 * bearer-token path as production, where the services point at any OIDC issuer instead.
 */
package org.peerpulse.localstack.auth;
