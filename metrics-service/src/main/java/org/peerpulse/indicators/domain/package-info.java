/**
 * What the indicators are and how they are counted, in plain Java: the per-day counts a session or a
 * feedback adds to its agency / program / specialist cell and a void or a withdrawal takes back (each
 * carries its own signed change), the copy window that tells a copy of an event at a new offset from a
 * redelivery, the offset watermarks that make applying a batch safe to repeat, and the arithmetic of a dashboard (means, top-box rates, the values and TRUST
 * indices, trends with their change from the period before, day / ISO-week / month periods), and the
 * {@code Disclosure} that decides for a whole agency at once which statistics are hidden: fewer than k
 * responses, or given back by subtracting shown ones (decision 0007), on dashboards and in the funders'
 * export, which leaves 42 CFR Part 2 programs out entirely. No Spring, Kafka or MongoDB type
 * reaches this package, so every rule here is tested with numbers worked out by hand.
 */
package org.peerpulse.indicators.domain;
