/**
 * Problem responses (RFC 9457) for what goes wrong before a use case runs: unreadable or oversized
 * bodies, wrong content types, invalid fields. They name the offending fields and never echo a value,
 * because values may be tokens, comments or participant references.
 */
package org.peerpulse.platform.web;
