package org.peerpulse.indicators.dashboards.domain;

import java.util.List;

import org.peerpulse.contracts.ItemKind;
import org.peerpulse.indicators.counting.domain.RatingTally;

/**
 * One rated item over a scope and period. When suppressed, the response count, mean, top-box rate and
 * distribution are all {@code null}: even the count would tell how few answered.
 *
 * @param mean 1–5, two decimals
 * @param topBoxRate share of 4s and 5s, three decimals
 * @param distribution how many answered 1, 2, 3, 4 and 5, in that order
 */
public record ItemScore(String code, ItemKind kind, Long responses, Double mean, Double topBoxRate,
        List<Long> distribution, boolean suppressed) {

    public ItemScore {
        distribution = distribution == null ? null : List.copyOf(distribution);
    }

    static ItemScore of(String code, ItemKind kind, RatingTally tally, boolean hidden) {
        if (hidden) {
            return new ItemScore(code, kind, null, null, null, null, true);
        }
        List<Long> distribution = List.of(tally.ones(), tally.twos(), tally.threes(), tally.fours(), tally.fives());
        if (tally.responses() <= 0) {
            return new ItemScore(code, kind, tally.responses(), null, null, distribution, false);
        }
        return new ItemScore(code, kind, tally.responses(),
                Ratio.of(tally.sum(), tally.responses()).rounded(2),
                Ratio.of(tally.fours() + tally.fives(), tally.responses()).rounded(3), distribution, false);
    }
}
