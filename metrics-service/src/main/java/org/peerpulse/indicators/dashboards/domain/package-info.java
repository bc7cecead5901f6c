/**
 * The arithmetic of a dashboard (means, top-box rates, the values and TRUST indices, trends with their
 * change from the period before, day / ISO-week / month periods) and the {@code Disclosure} that decides for
 * a whole agency at once which statistics are hidden: fewer than k responses, or given back by subtracting
 * shown ones (decision 0007). No Spring, Kafka or MongoDB type reaches this package, so every rule here is
 * tested with numbers worked out by hand.
 */
package org.peerpulse.indicators.dashboards.domain;
