/**
 * The dashboard API and page for quality leads: request parameters in, one use-case call, a response record
 * or view out, always for the agency of the caller's token. Suppressed statistics go out as {@code null}
 * with {@code "suppressed": true}; every error is a problem response that names the parameter, not its
 * value. Also the signed-in lead and the page figures that the other slices' pages share.
 */
package org.peerpulse.indicators.dashboards.web;
