package org.peerpulse.feedback.domain;

/**
 * Every agency's settings as they stand now: what it set, or the defaults for an agency that never set
 * anything. They change while the service runs (a quality lead saves new ones), so a page asks again each
 * time it is shown and never keeps an answer.
 */
public interface Agencies {

    FormSettings formSettingsOf(String agencyId);
}
