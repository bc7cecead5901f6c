/**
 * The pages of session-service, for people signed in with OpenID Connect: the specialist's workspace (log a
 * session in a few taps, hand the participant their links, void, fresh links), the hand-over screen and the
 * quality leads' administration page. Each handler is a translator like the API's controllers: a form in, the
 * same use case the API calls, a page or a redirect out. Raw invitation tokens live only in the signed-in
 * person's HTTP session, until they go back to the workspace.
 */
package org.peerpulse.session.web.page;
