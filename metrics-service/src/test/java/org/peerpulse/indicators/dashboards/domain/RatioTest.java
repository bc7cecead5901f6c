package org.peerpulse.indicators.dashboards.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A ratio kept in longs gives the numbers exact fractions give, and goes on in big integers where longs
 * would overflow: checked against BigDecimal arithmetic, the way the ratio was first written.
 */
class RatioTest {

    @Test
    void roundsHalfUpAwayFromZeroAsWritten() {
        assertThat(Ratio.of(6375, 100).rounded(1)).isEqualTo(63.8);
        assertThat(Ratio.of(-6375, 100).rounded(1)).isEqualTo(-63.8);
        assertThat(Ratio.of(1, 3).rounded(2)).isEqualTo(0.33);
        assertThat(Ratio.of(2, -3).rounded(3)).isEqualTo(-0.667);
        assertThat(Ratio.of(-1, 1000).rounded(2)).isEqualTo(0.0);
        assertThatThrownBy(() -> Ratio.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void givesWhatExactFractionsGiveAlsoBeyondLongs() {
        Random random = new Random(63_75);
        for (int i = 0; i < 20_000; i++) {
            long[] a = fraction(random);
            long[] b = fraction(random);
            Ratio x = Ratio.of(a[0], a[1]);
            Ratio y = Ratio.of(b[0], b[1]);
            long factor = 1 + random.nextInt(100);
            int decimals = 1 + random.nextInt(3);

            assertThat(x.plus(y).rounded(decimals)).as("%s + %s", Arrays.toString(a), Arrays.toString(b))
                    .isEqualTo(exactly(sum(a, b), decimals));
            assertThat(x.minus(y).rounded(decimals)).isEqualTo(exactly(sum(a, new long[] { -b[0], b[1] }), decimals));
            assertThat(x.plus(y).plus(x).times(factor).dividedBy(7).rounded(decimals)).isEqualTo(exactly(
                    scale(sum(sum(a, b), a), factor, 7), decimals));
            assertThat(Integer.signum(x.compareTo(y))).isEqualTo(compare(a, b));
        }
    }

    private static long[] fraction(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new long[] { random.nextInt(500) - 50, 1 + random.nextInt(60) };
            case 1 -> new long[] { random.nextLong() / (1 + random.nextInt(1000)), 1 + random.nextInt(1 << 30) };
            case 2 -> new long[] { Long.MAX_VALUE - random.nextInt(10), Long.MAX_VALUE - random.nextInt(10) };
            default -> new long[] { random.nextLong(), random.nextBoolean() ? random.nextLong() | 1 : -7 };
        };
    }

    private static BigInteger[] sum(long[] a, long[] b) {
        return sum(new BigInteger[] { BigInteger.valueOf(a[0]), BigInteger.valueOf(a[1]) }, b);
    }

    private static BigInteger[] sum(BigInteger[] a, long[] b) {
        BigInteger bn = BigInteger.valueOf(b[0]);
        BigInteger bd = BigInteger.valueOf(b[1]);
        return new BigInteger[] { a[0].multiply(bd).add(bn.multiply(a[1])), a[1].multiply(bd) };
    }

    private static BigInteger[] scale(BigInteger[] a, long times, long divided) {
        return new BigInteger[] { a[0].multiply(BigInteger.valueOf(times)), a[1].multiply(BigInteger.valueOf(divided)) };
    }

    private static double exactly(BigInteger[] fraction, int decimals) {
        return new BigDecimal(fraction[0]).divide(new BigDecimal(fraction[1]), decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** The sign of a - b: of (a0 b1 - b0 a1) / (a1 b1). */
    private static int compare(long[] a, long[] b) {
        BigInteger difference = BigInteger.valueOf(a[0]).multiply(BigInteger.valueOf(b[1]))
                .subtract(BigInteger.valueOf(b[0]).multiply(BigInteger.valueOf(a[1])));
        return difference.signum() * Long.signum(a[1]) * Long.signum(b[1]);
    }
}
