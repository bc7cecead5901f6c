/**
 * What every PeerPulse page shares, as opposed to the APIs: signing people in with OpenID Connect (authorization
 * code with PKCE) at the same issuer the APIs trust, a client registration discovered from that issuer on the
 * first sign-in, the ID token's {@code roles} and {@code agency} as authorities, and the choices that come with
 * a session cookie (CSRF on, a same-origin Content-Security-Policy, no framing, a 403 page). A service's own
 * page chain says only which paths are pages and who may see them.
 */
package org.peerpulse.platform.pages;
