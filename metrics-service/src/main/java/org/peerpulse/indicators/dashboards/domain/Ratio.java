package org.peerpulse.indicators.dashboards.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact fraction, so that means, indices and their changes are rounded once, at the end, as written:
 * a true 63.75 shows as 63.8, and a change is the difference of the true values, not of two rounded ones.
 *
 * <p>Held in two {@code long}s while every step fits in them (means of answer counts nearly always do: items
 * answered on the same forms share their denominator), and in {@link BigInteger}s from the first step that
 * would not; only the value is ever read, so the two give the same numbers.
 */
final class Ratio implements Comparable<Ratio> {

    private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };

    /** The fraction while it fits; the denominator is positive. */
    private final long numerator;
    private final long denominator;
    /** The fraction once it does not fit, else {@code null}; the denominator is positive. */
    private final BigInteger bigNumerator;
    private final BigInteger bigDenominator;

    private Ratio(long numerator, long denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.bigNumerator = null;
        this.bigDenominator = null;
    }

    private Ratio(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("a ratio needs a denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        this.numerator = 0;
        this.denominator = 1;
        this.bigNumerator = numerator;
        this.bigDenominator = denominator;
    }

    static Ratio of(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("a ratio needs a denominator");
        }
        if (denominator > 0) {
            return new Ratio(numerator, denominator);
        }
        if (numerator != Long.MIN_VALUE && denominator != Long.MIN_VALUE) {
            return new Ratio(-numerator, -denominator);
        }
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    Ratio plus(Ratio other) {
        if (small() && other.small()) {
            try {
                if (denominator == other.denominator) {
                    return new Ratio(Math.addExact(numerator, other.numerator), denominator);
                }
                return new Ratio(Math.addExact(Math.multiplyExact(numerator, other.denominator),
                        Math.multiplyExact(other.numerator, denominator)),
                        Math.multiplyExact(denominator, other.denominator));
            } catch (ArithmeticException tooLarge) {
                // on in BigIntegers
            }
        }
        return new Ratio(bigNumerator().multiply(other.bigDenominator())
                .add(other.bigNumerator().multiply(bigDenominator())), bigDenominator().multiply(other.bigDenominator()));
    }

    Ratio minus(Ratio other) {
        if (other.small() && other.numerator != Long.MIN_VALUE) {
            return plus(new Ratio(-other.numerator, other.denominator));
        }
        return plus(new Ratio(other.bigNumerator().negate(), other.bigDenominator()));
    }

    Ratio times(long factor) {
        if (small()) {
            try {
                return of(Math.multiplyExact(numerator, factor), denominator);
            } catch (ArithmeticException tooLarge) {
                // on in BigIntegers
            }
        }
        return new Ratio(bigNumerator().multiply(BigInteger.valueOf(factor)), bigDenominator());
    }

    Ratio dividedBy(long divisor) {
        if (small()) {
            try {
                return of(numerator, Math.multiplyExact(denominator, divisor));
            } catch (ArithmeticException tooLarge) {
                // on in BigIntegers
            }
        }
        return new Ratio(bigNumerator(), bigDenominator().multiply(BigInteger.valueOf(divisor)));
    }

    /** Rounded half up (away from zero) to {@code decimals}, without a binary approximation first. */
    double rounded(int decimals) {
        if (small() && decimals < POWERS_OF_TEN.length) {
            try {
                long scaled = Math.multiplyExact(numerator, POWERS_OF_TEN[decimals]);
                long quotient = scaled / denominator;
                long remainder = Math.abs(scaled % denominator);
                if (remainder >= denominator - remainder) {
                    quotient += Long.signum(scaled);
                }
                // The same number BigDecimal's division gives, read as a double the same way.
                return BigDecimal.valueOf(quotient, decimals).doubleValue();
            } catch (ArithmeticException tooLarge) {
                // on in BigIntegers
            }
        }
        return new BigDecimal(bigNumerator()).divide(new BigDecimal(bigDenominator()), decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    @Override
    public int compareTo(Ratio other) {
        if (small() && other.small()) {
            try {
                return Long.compare(Math.multiplyExact(numerator, other.denominator),
                        Math.multiplyExact(other.numerator, denominator));
            } catch (ArithmeticException tooLarge) {
                // on in BigIntegers
            }
        }
        return bigNumerator().multiply(other.bigDenominator())
                .compareTo(other.bigNumerator().multiply(bigDenominator()));
    }

    private boolean small() {
        return bigNumerator == null;
    }

    private BigInteger bigNumerator() {
        return small() ? BigInteger.valueOf(numerator) : bigNumerator;
    }

    private BigInteger bigDenominator() {
        return small() ? BigInteger.valueOf(denominator) : bigDenominator;
    }
}
