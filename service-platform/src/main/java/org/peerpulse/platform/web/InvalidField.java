package org.peerpulse.platform.web;

/** One rejected field of a request: where it is and what is wrong with it, never its value. */
public record InvalidField(String field, String message) {
}
