/**
 * The session API: request records in, one use case call, response records out. The agency comes only
 * from the caller's token; the invitation token (and its QR code) appears only in the answer to the
 * request that logged the session, or to a retry of it, marked not to be cached. Bodies over the limit are
 * refused before anything reads them; every rejection names the field or parameter, never its value.
 */
package org.peerpulse.session.web;
