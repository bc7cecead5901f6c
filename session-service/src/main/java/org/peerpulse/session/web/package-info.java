/**
 * The session API: request records in, one use case call, response records out. The agency comes only
 * from the caller's token; the invitation token appears in exactly one answer, marked not to be cached.
 */
package org.peerpulse.session.web;
