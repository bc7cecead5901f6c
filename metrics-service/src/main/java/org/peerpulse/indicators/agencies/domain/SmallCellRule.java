package org.peerpulse.indicators.agencies.domain;

/**
 * Statistics built on fewer than {@code k} responses are not shown, so that a participant's answers
 * cannot be singled out. {@code k} is never below {@value #LOWEST_K}.
 */
public record SmallCellRule(int k) {

    public static final int LOWEST_K = 3;

    public SmallCellRule {
        if (k < LOWEST_K) {
            throw new IllegalArgumentException("the minimum cell size is never below " + LOWEST_K);
        }
    }

    public boolean hides(long responses) {
        return responses < k;
    }
}
