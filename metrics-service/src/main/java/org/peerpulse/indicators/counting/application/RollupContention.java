package org.peerpulse.indicators.counting.application;

/**
 * Another writer kept moving the same rollups' watermarks (two consumers of one partition during a
 * rebalance). Transient: the batch is retried with backoff and nothing is counted twice.
 */
public class RollupContention extends RuntimeException {

    public RollupContention(int rollups) {
        super(rollups + " rollups kept changing under this batch");
    }
}
