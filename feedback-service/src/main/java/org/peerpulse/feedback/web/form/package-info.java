/**
 * The participant form at {@code /f/{token}}: server-rendered HTML that works without JavaScript, in
 * whichever of English and Spanish the link's agency offers its form in, with the agency's own crisis line,
 * posting to the same {@code SubmitFeedback} use case as the JSON API. It needs no
 * CSRF token because there is nothing for a forged request to ride on: the service sets no cookie and
 * keeps no session, so a cross-site form carries no ambient credential. The only credential is the
 * feedback token in the URL, which an attacker would have to know already, and knowing it they could
 * answer directly; the strict Content-Security-Policy ({@code form-action 'self'},
 * {@code frame-ancestors 'none'}) and {@code Referrer-Policy: no-referrer} keep the token from leaking
 * to other sites in the first place.
 */
package org.peerpulse.feedback.web.form;
