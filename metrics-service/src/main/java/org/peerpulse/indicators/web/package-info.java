/**
 * The dashboard API for quality leads: request parameters in, one {@code ReadDashboard} call, a response
 * record out, always for the agency of the caller's token. Suppressed statistics go out as {@code null}
 * with {@code "suppressed": true}, and every error is a problem response that names the parameter, not
 * its value.
 */
package org.peerpulse.indicators.web;
