/**
 * The quality leads' pages: the participant's own words for a harm alert (where the alert on metrics-service
 * links to, {@code /harm-reports/{alertId}}) and a program's comments by released month. Signed in with the
 * agency's OpenID provider, in English or Spanish, usable without JavaScript; each page calls one use case and
 * every read of words is audited like the API's.
 */
package org.peerpulse.feedback.web.lead;
