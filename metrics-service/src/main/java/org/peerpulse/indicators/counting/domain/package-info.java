/**
 * What the indicators count and how, in plain Java: the per-day counts a session or an answer adds to its
 * cell and a void or a withdrawal takes back (each carries its own signed change), the copy window that
 * tells a copy of an event at a new offset from a redelivery, the offset watermarks that make applying a
 * batch safe to repeat, and the ports through which counting tells the other slices what it read ({@code
 * HarmReports}, {@code CountsMoved}).
 */
package org.peerpulse.indicators.counting.domain;
