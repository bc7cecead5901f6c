/**
 * The dashboards' wiring and the quality leads' sign-in (OIDC with PKCE at the same issuer the APIs trust),
 * which the alert inbox and the learning page share.
 */
package org.peerpulse.indicators.dashboards.config;
