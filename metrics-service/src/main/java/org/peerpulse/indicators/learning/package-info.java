/**
 * A specialist's own view of what participants said, released in weekly batches (decision 0008).
 */
package org.peerpulse.indicators.learning;
