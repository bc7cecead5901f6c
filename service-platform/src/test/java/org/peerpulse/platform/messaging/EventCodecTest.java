package org.peerpulse.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.GoldenSamples;
import org.peerpulse.contracts.PeerPulseEvent;
import org.peerpulse.contracts.SessionLogged;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper plainJson = JsonMapper.builder().build();

    @Test
    void writesExactlyTheGoldenJson() {
        for (PeerPulseEvent event : GoldenSamples.all()) {
            assertThat(plainJson.readTree(codec.write(event)))
                    .as(event.getClass().getSimpleName())
                    .isEqualTo(plainJson.readTree(GoldenSamples.json(event.getClass())));
        }
    }

    @Test
    void readsTheGoldenJsonIntoTheSameRecords() {
        for (PeerPulseEvent event : GoldenSamples.all()) {
            assertThat(codec.read(EventTypes.typeOf(event), GoldenSamples.json(event.getClass()))).isEqualTo(event);
        }
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() {
        String newer = GoldenSamples.json(SessionLogged.class).replaceFirst("\\{", "{\"addedLater\": [1, 2],");
        assertThat(codec.read(newer, SessionLogged.class)).isEqualTo(GoldenSamples.SESSION_LOGGED);
    }

    @Test
    void noJavaClassNameGoesOnTheWire() {
        assertThat(codec.write(GoldenSamples.SESSION_LOGGED)).doesNotContain("org.peerpulse").doesNotContain("@class");
    }

    @Test
    void unreadablePayloadsFailWithoutQuotingThem() {
        assertThatThrownBy(() -> codec.read(EventTypes.SESSION_LOGGED, "{\"durationMinutes\": \"secret-token-abc\""))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageNotContaining("secret-token-abc");
        assertThatThrownBy(() -> codec.read("org.example.unknown.v1", "{}"))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> codec.read(EventTypes.FEEDBACK_SUBMITTED,
                GoldenSamples.json(org.peerpulse.contracts.FeedbackSubmitted.class).replace("\"harmReported\": false,", "")))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aRecordWrittenBeforeAFieldWasAddedIsReadWithoutIt() {
        String beforeGroupSessions = GoldenSamples.json(SessionLogged.class)
                .replaceFirst(",\\s*\"invitations\": \\[[^]]*]", "");
        assertThat(beforeGroupSessions).doesNotContain("\"invitations\"");

        SessionLogged read = codec.read(beforeGroupSessions, SessionLogged.class);

        assertThat(read.invitations()).containsExactly(GoldenSamples.SESSION_LOGGED.invitation());
        assertThat(read.contribution().invitations()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutItsIdentityIsUnreadable() {
        for (String identity : new String[] { "eventId", "occurredAt", "agencyId" }) {
            String without = GoldenSamples.json(SessionLogged.class).replaceFirst("\"" + identity + "\": \"[^\"]*\",", "");
            assertThat(without).doesNotContain("\"" + identity + "\"");
            assertThatThrownBy(() -> codec.read(EventTypes.SESSION_LOGGED, without))
                    .isInstanceOf(UnreadableEventException.class);
        }
    }
}
