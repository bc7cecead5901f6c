package org.peerpulse.indicators.counting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.FeedbackWithdrawn;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.indicators.counting.domain.DayCounts;
import org.peerpulse.indicators.counting.domain.IndicatorEvent;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.RatingTally;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.VoidedSession;
import org.peerpulse.indicators.counting.domain.WithdrawnFeedback;
import org.peerpulse.platform.messaging.EventCodec;

/**
 * The golden samples, read as the producers write them, become the facts the indicators count. The four
 * samples are one session's story: logged, answered, voided, and the answer withdrawn; what the corrections
 * take out is exactly what the session and the answer put in, so the story adds up to nothing.
 */
class IndicatorFactsTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyGoldenSampleKeepsItsEventIdAndItsSign() {
        IndicatorEvent logged = read(EventTypes.SESSION_LOGGED, SessionLogged.class);
        IndicatorEvent voided = read(EventTypes.SESSION_VOIDED, SessionVoided.class);
        IndicatorEvent answered = read(EventTypes.FEEDBACK_SUBMITTED, FeedbackSubmitted.class);
        IndicatorEvent withdrawn = read(EventTypes.FEEDBACK_WITHDRAWN, FeedbackWithdrawn.class);

        assertThat(logged).isInstanceOf(LoggedSession.class);
        assertThat(logged.eventId()).isEqualTo(GoldenSamples.SESSION_LOGGED.eventId());
        assertThat(logged.counts()).isEqualTo(new DayCounts(1, 1, 45, 45, 1, 1, 0, Map.of(), null, 0));
        assertThat(voided).isInstanceOf(VoidedSession.class);
        assertThat(voided.eventId()).isEqualTo(GoldenSamples.SESSION_VOIDED.eventId());
        assertThat(answered).isInstanceOf(ReceivedFeedback.class);
        assertThat(answered.eventId()).isEqualTo(GoldenSamples.FEEDBACK_SUBMITTED.eventId());
        assertThat(withdrawn).isInstanceOf(WithdrawnFeedback.class);
        assertThat(withdrawn.eventId()).isEqualTo(GoldenSamples.FEEDBACK_WITHDRAWN.eventId());
        assertThat(((WithdrawnFeedback) withdrawn).answer().eventId())
                .isEqualTo(GoldenSamples.FEEDBACK_SUBMITTED.eventId());

        assertThat(voided.counts()).isEqualTo(logged.counts().negated());
        assertThat(withdrawn.counts()).isEqualTo(answered.counts().negated());
        DayCounts story = logged.counts().plus(answered.counts()).plus(voided.counts()).plus(withdrawn.counts());
        assertThat(story.sessions() + story.invitations() + story.minutes() + story.responses() + story.harmReports())
                .isZero();
        assertThat(story.items().values()).hasSize(4).allMatch(RatingTally::isEmpty);
        assertThat(story.hope().isEmpty()).isTrue();
        assertThat(List.of(logged, voided, answered, withdrawn)).extracting(IndicatorEvent::cell)
                .containsOnly(logged.cell());
    }

    private IndicatorEvent read(String type, Class<? extends PeerPulseEvent> record) {
        return IndicatorFacts.of(codec.read(type, GoldenSamples.json(record))).orElseThrow();
    }
}
