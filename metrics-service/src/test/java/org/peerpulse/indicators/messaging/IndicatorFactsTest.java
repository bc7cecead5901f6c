package org.peerpulse.indicators.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.SessionLogged;
import org.peerpulse.contracts.SessionVoided;
import org.peerpulse.indicators.domain.Cell;
import org.peerpulse.indicators.domain.IndicatorEvent;
import org.peerpulse.indicators.domain.LoggedSession;
import org.peerpulse.indicators.domain.ReceivedFeedback;
import org.peerpulse.indicators.domain.SessionRef;
import org.peerpulse.indicators.domain.VoidedSession;
import org.peerpulse.platform.messaging.EventCodec;

/** The golden samples, read as the producers write them, become the facts the indicators count. */
class IndicatorFactsTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyGoldenSampleKeepsItsEventIdAndSession() {
        IndicatorEvent logged = read(EventTypes.SESSION_LOGGED, SessionLogged.class);
        IndicatorEvent voided = read(EventTypes.SESSION_VOIDED, SessionVoided.class);
        IndicatorEvent feedback = read(EventTypes.FEEDBACK_SUBMITTED, FeedbackSubmitted.class);

        assertThat(logged).isInstanceOf(LoggedSession.class);
        assertThat(logged.eventId()).isEqualTo(GoldenSamples.SESSION_LOGGED.eventId());
        assertThat(voided).isEqualTo(new VoidedSession(GoldenSamples.SESSION_VOIDED.eventId(),
                GoldenSamples.SESSION_VOIDED.sessionId(), new Cell("harbor", "warmline", "sp-rivera"),
                GoldenSamples.SESSION_VOIDED.sessionAt()));
        assertThat(feedback).isInstanceOf(ReceivedFeedback.class);
        assertThat(feedback.eventId()).isEqualTo(GoldenSamples.FEEDBACK_SUBMITTED.eventId());
        // The three samples are one session's story: logged, answered, voided.
        SessionRef session = new SessionRef("harbor", GoldenSamples.SESSION_LOGGED.sessionId());
        assertThat(logged.session()).isEqualTo(session);
        assertThat(voided.session()).isEqualTo(session);
        assertThat(feedback.session()).isEqualTo(session);
    }

    private IndicatorEvent read(String type, Class<? extends org.peerpulse.contracts.PeerPulseEvent> record) {
        return IndicatorFacts.of(codec.read(type, GoldenSamples.json(record))).orElseThrow();
    }
}
