/**
 * What the indicators are and how they are counted, in plain Java: the per-day counts a session or a
 * feedback adds to its agency / program / specialist cell, the facts kept per session and per feedback
 * from which each event's change is decided (a void takes out exactly what its session and its feedback
 * put in; a copy of an event at a new offset changes nothing), the offset watermarks that make applying a
 * batch safe to repeat, and the arithmetic of a dashboard (means, top-box rates, the values and TRUST
 * indices, small-cell suppression, day / ISO-week / month periods). No Spring, Kafka or MongoDB type
 * reaches this package, so every rule here is tested with numbers worked out by hand.
 */
package org.peerpulse.indicators.domain;
