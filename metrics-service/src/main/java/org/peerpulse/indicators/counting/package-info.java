/**
 * Both event streams folded into per agency / program / specialist / day rollups, exactly once, with
 * corrections as signed events (decision 0010).
 */
package org.peerpulse.indicators.counting;
