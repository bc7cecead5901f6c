package org.peerpulse.indicators.agencies.domain;

import java.util.function.Consumer;

/**
 * Every agency's settings as they stand now: what it set, or the defaults for an agency that never set
 * anything. The settings can change while the service runs (a quality lead saves new ones), so a reader asks
 * again whenever it decides something, and never keeps an answer past a change of what it was decided under.
 * Counting asks for every event it reads, so an implementation answers from memory, without locking.
 */
public interface Agencies {

    AgencySettings of(String agencyId);

    /**
     * Tells {@code listener} the id of each agency whose settings changed, once {@link #of} answers the new ones:
     * for what must be looked at again without waiting for the next event (a floor set below today's index).
     */
    void onChange(Consumer<String> listener);
}
