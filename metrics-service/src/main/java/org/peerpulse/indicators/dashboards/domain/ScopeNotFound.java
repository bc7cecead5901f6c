package org.peerpulse.indicators.dashboards.domain;

/**
 * No program or specialist by that id has ever had a session in the caller's agency: another agency's
 * program reads as not found, never as an empty dashboard that would confirm or deny it exists elsewhere.
 */
public class ScopeNotFound extends RuntimeException {

    public ScopeNotFound() {
        super("There is no such program or specialist in your agency.");
    }
}
