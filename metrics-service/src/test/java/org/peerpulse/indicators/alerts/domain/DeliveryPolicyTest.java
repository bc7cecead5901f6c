package org.peerpulse.indicators.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a notice is delivered, tried again and when, or given up. */
class DeliveryPolicyTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T10:00:00Z");
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10),
            Duration.ofHours(24), 3);
    private static final Delivery FRESH = Delivery.opening("https://hooks.example/peerpulse", OPENED);

    @Test
    void anAlertOpensWithItsNoticeDueAtOnceOrWithNothingToSend() {
        assertThat(FRESH.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(FRESH.nextAttemptAt()).isEqualTo(OPENED);
        assertThat(FRESH.attempts()).isZero();
        assertThat(Delivery.opening(null, OPENED).state()).isEqualTo(DeliveryState.NOT_CONFIGURED);
    }

    @Test
    void anyTwoHundredDelivers() {
        Instant now = OPENED.plusMillis(40);
        Delivery delivered = POLICY.after(FRESH, OPENED, new DeliveryPolicy.Answer(204, null), now, 0.3);

        assertThat(delivered).isEqualTo(new Delivery(DeliveryState.DELIVERED, 1, null, 204, now));
    }

    @Test
    void serverErrorsAndNoAnswerAreRetriedWithAGrowingJitteredBackoff() {
        Instant now = OPENED;
        Delivery delivery = FRESH;
        long[] expectedMillis = {5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000};
        for (long expected : expectedMillis) {
            delivery = POLICY.after(delivery, OPENED, new DeliveryPolicy.Answer(503, null), now, 0.0);
            assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(Duration.between(now, delivery.nextAttemptAt())).isEqualTo(Duration.ofMillis(expected));
            now = delivery.nextAttemptAt();
        }
        assertThat(delivery.attempts()).isEqualTo(9);
        assertThat(delivery.lastStatus()).isEqualTo(503);

        // Jitter takes up to half off, never more.
        Delivery jittered = POLICY.after(FRESH, OPENED, DeliveryPolicy.Answer.none(), OPENED, 0.999_999);
        assertThat(Duration.between(OPENED, jittered.nextAttemptAt())).isEqualTo(Duration.ofMillis(2_500));
        assertThat(jittered.lastStatus()).isNull();
        assertThat(POLICY.after(FRESH, OPENED, new DeliveryPolicy.Answer(408, null), OPENED, 0).isPending()).isTrue();
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsRespected() {
        Delivery throttled = POLICY.after(FRESH, OPENED, new DeliveryPolicy.Answer(429, Duration.ofSeconds(90)),
                OPENED, 0.5);
        assertThat(throttled.nextAttemptAt()).isEqualTo(OPENED.plusSeconds(90));

        Delivery shorter = POLICY.after(FRESH, OPENED, new DeliveryPolicy.Answer(503, Duration.ofSeconds(1)), OPENED,
                0.0);
        assertThat(shorter.nextAttemptAt()).isEqualTo(OPENED.plusSeconds(5));
    }

    @Test
    void otherClientErrorsAreTriedAFewTimesThenGivenUp() {
        Delivery first = POLICY.after(FRESH, OPENED, new DeliveryPolicy.Answer(404, Duration.ofHours(1)), OPENED, 0.0);
        assertThat(first.isPending()).isTrue();
        // A 4xx's Retry-After is not what holds it back: the backoff is.
        assertThat(first.nextAttemptAt()).isEqualTo(OPENED.plusSeconds(5));
        Delivery second = POLICY.after(first, OPENED, new DeliveryPolicy.Answer(401, null), first.nextAttemptAt(), 0.0);
        assertThat(second.isPending()).isTrue();
        Instant third = second.nextAttemptAt();
        Delivery failed = POLICY.after(second, OPENED, new DeliveryPolicy.Answer(410, null), third, 0.0);

        assertThat(failed).isEqualTo(new Delivery(DeliveryState.FAILED, 3, null, 410, third));
        // A redirect is not followed, and counts like a 4xx.
        assertThat(POLICY.after(second, OPENED, new DeliveryPolicy.Answer(302, null), third, 0.0).state())
                .isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void nothingIsRetriedPastTheBoundFromTheAlertsOpening() {
        Instant late = OPENED.plus(Duration.ofHours(24)).minusSeconds(3);
        Delivery attempted = new Delivery(DeliveryState.PENDING, 20, late, 500, late.minusSeconds(600));

        Delivery failed = POLICY.after(attempted, OPENED, new DeliveryPolicy.Answer(500, null), late, 0.0);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(21);
        assertThat(POLICY.after(FRESH, OPENED, new DeliveryPolicy.Answer(429, Duration.ofDays(2)), OPENED, 0.0)
                .state()).isEqualTo(DeliveryState.FAILED);
    }
}
