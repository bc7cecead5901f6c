package org.peerpulse.indicators.counting.domain;

/**
 * How often each answer 1–5 was given to one rated item. The distribution is the whole truth: the
 * response count, the sum, the mean and the top-box rate all follow from it, and tallies add up.
 * Counts are signed because a void takes a feedback's answers back out: a void's change is a negated
 * tally, and a stored tally can dip below zero for the moment between a void taking out a feedback and
 * the feedback's own (late) write putting it in.
 */
public record RatingTally(long ones, long twos, long threes, long fours, long fives) {

    public static final RatingTally NONE = new RatingTally(0, 0, 0, 0, 0);

    public static RatingTally of(int rating) {
        return NONE.with(rating);
    }

    public RatingTally with(int rating) {
        return switch (rating) {
            case 1 -> new RatingTally(ones + 1, twos, threes, fours, fives);
            case 2 -> new RatingTally(ones, twos + 1, threes, fours, fives);
            case 3 -> new RatingTally(ones, twos, threes + 1, fours, fives);
            case 4 -> new RatingTally(ones, twos, threes, fours + 1, fives);
            case 5 -> new RatingTally(ones, twos, threes, fours, fives + 1);
            default -> throw new IllegalArgumentException("a rating is 1 to 5");
        };
    }

    public RatingTally plus(RatingTally other) {
        return new RatingTally(ones + other.ones, twos + other.twos, threes + other.threes, fours + other.fours,
                fives + other.fives);
    }

    /** The same answers taken out again. */
    public RatingTally negated() {
        return new RatingTally(-ones, -twos, -threes, -fours, -fives);
    }

    /** The count of answers {@code rating} (1–5). */
    public long count(int rating) {
        return switch (rating) {
            case 1 -> ones;
            case 2 -> twos;
            case 3 -> threes;
            case 4 -> fours;
            case 5 -> fives;
            default -> throw new IllegalArgumentException("a rating is 1 to 5");
        };
    }

    public long responses() {
        return ones + twos + threes + fours + fives;
    }

    public long sum() {
        return ones + 2 * twos + 3 * threes + 4 * fours + 5 * fives;
    }

    /** No answer at all, in any direction (a +1 and a −1 of different answers is not empty). */
    public boolean isEmpty() {
        return ones == 0 && twos == 0 && threes == 0 && fours == 0 && fives == 0;
    }

    /** Unrounded mean; only meaningful when there is at least one response. */
    public double mean() {
        return (double) sum() / responses();
    }

    /** Unrounded share of 4s and 5s; only meaningful when there is at least one response. */
    public double topBoxRate() {
        return (double) (fours + fives) / responses();
    }
}
