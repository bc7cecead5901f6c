package org.peerpulse.indicators.domain;

import java.math.BigInteger;
import org.peerpulse.contracts.ItemKind;

/**
 * One rated item over a scope and period. When suppressed, the response count, mean and top-box rate are
 * all {@code null}: even the count would tell how few answered.
 *
 * @param mean 1–5, two decimals
 * @param topBoxRate share of 4s and 5s, three decimals
 */
public record ItemScore(String code, ItemKind kind, Long responses, Double mean, Double topBoxRate,
        boolean suppressed) {

    static ItemScore of(String code, ItemKind kind, RatingTally tally, SmallCellRule rule) {
        if (rule.hides(tally.responses())) {
            return new ItemScore(code, kind, null, null, null, true);
        }
        BigInteger responses = BigInteger.valueOf(tally.responses());
        return new ItemScore(code, kind, tally.responses(),
                Dashboard.exactly(BigInteger.valueOf(tally.sum()), responses, 2),
                Dashboard.exactly(BigInteger.valueOf(tally.fours() + tally.fives()), responses, 3), false);
    }
}
