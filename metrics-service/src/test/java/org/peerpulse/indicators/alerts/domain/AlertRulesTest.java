package org.peerpulse.indicators.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.indicators.agencies.domain.AgencySettings;
import org.peerpulse.indicators.agencies.domain.SmallCellRule;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;

/** The states an alert moves through, who opened what, and when an index breaches its floor. */
class AlertRulesTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-11-20T12:00:00Z");
    private static final Cell RIVERA = new Cell("harbor", "warmline", "sp-rivera");

    @Test
    void anAlertMovesOnlyForward() {
        assertThat(AlertState.OPEN.canMoveTo(AlertState.ACKNOWLEDGED)).isTrue();
        assertThat(AlertState.OPEN.canMoveTo(AlertState.RESOLVED)).isTrue();
        assertThat(AlertState.ACKNOWLEDGED.canMoveTo(AlertState.RESOLVED)).isTrue();

        assertThat(AlertState.OPEN.canMoveTo(AlertState.OPEN)).isFalse();
        assertThat(AlertState.ACKNOWLEDGED.canMoveTo(AlertState.ACKNOWLEDGED)).isFalse();
        assertThat(AlertState.ACKNOWLEDGED.canMoveTo(AlertState.OPEN)).isFalse();
        for (AlertState next : AlertState.values()) {
            assertThat(AlertState.RESOLVED.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void eachChangeIsRecordedWithWhoAndWhen() {
        Alert acknowledged = harm().moveTo(AlertState.ACKNOWLEDGED, "harbor-lead", LATER);
        Alert resolved = acknowledged.moveTo(AlertState.RESOLVED, "another-lead", LATEST);

        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.openedAt()).isEqualTo(OPENED);
        assertThat(resolved.history()).containsExactly(
                new AlertChange(AlertState.OPEN, Alert.OPENED_BY, OPENED),
                new AlertChange(AlertState.ACKNOWLEDGED, "harbor-lead", LATER),
                new AlertChange(AlertState.RESOLVED, "another-lead", LATEST));
        assertThat(harm().moveTo(AlertState.RESOLVED, "harbor-lead", LATER).history()).hasSize(2);
    }

    @Test
    void aMoveItsStateDoesNotLeadToIsRefusedAndChangesNothing() {
        Alert resolved = harm().moveTo(AlertState.RESOLVED, "harbor-lead", LATER);

        assertThatThrownBy(() -> resolved.moveTo(AlertState.ACKNOWLEDGED, "harbor-lead", LATEST))
                .isInstanceOf(AlertTransitionRefused.class)
                .hasMessage("An alert that is resolved cannot become acknowledged.");
        assertThatThrownBy(() -> resolved.moveTo(AlertState.RESOLVED, "harbor-lead", LATEST))
                .isInstanceOf(AlertTransitionRefused.class);
        Alert acknowledged = harm().moveTo(AlertState.ACKNOWLEDGED, "harbor-lead", LATER);
        assertThatThrownBy(() -> acknowledged.moveTo(AlertState.ACKNOWLEDGED, "other", LATEST))
                .isInstanceOf(AlertTransitionRefused.class);
        assertThat(resolved.history()).hasSize(2);
    }

    @Test
    void aHarmReportNamesTheSessionAndItsDateNeverTheParticipantAndTheSameFeedbackAlwaysNamesTheSameAlert() {
        UUID feedbackId = UUID.randomUUID();
        Alert first = Alert.harmReport(feedback(feedbackId, true), LocalDate.parse("2026-11-19"), OPENED, Delivery.notConfigured());
        Alert again = Alert.harmReport(feedback(feedbackId, true), LocalDate.parse("2026-11-19"), LATER, Delivery.notConfigured());

        assertThat(first.id()).isEqualTo(again.id())
                .isEqualTo(FeedbackSubmitted.harmAlertId(feedbackId)).isNotEqualTo(feedbackId);
        assertThat(Alert.harmReport(feedback(UUID.randomUUID(), true), LocalDate.parse("2026-11-19"), OPENED, Delivery.notConfigured()).id())
                .isNotEqualTo(first.id());
        assertThat(first.kind()).isEqualTo(AlertKind.HARM_REPORT);
        assertThat(List.of(first.agencyId(), first.programId(), first.specialistId(), first.sessionId()))
                .containsExactly("harbor", "warmline", "sp-rivera", "s-1");
        assertThat(first.sessionDate()).isEqualTo(LocalDate.parse("2026-11-19"));
        assertThat(first.state()).isEqualTo(AlertState.OPEN);
        assertThatThrownBy(() -> Alert.harmReport(feedback(feedbackId, false), LocalDate.parse("2026-11-19"), OPENED, Delivery.notConfigured()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIndexBelowItsFloorBreachesItAndASuppressedOrUnwatchedOneNever() {
        AgencySettings floors = settings(80.0, 70.0);

        assertThat(FloorBreach.of(floors, 79.9, 70.0)).containsExactly(
                new FloorBreach(AlertKind.VALUES_INDEX_BELOW_FLOOR, 79.9, 80.0));
        assertThat(FloorBreach.of(floors, 60.0, 50.0)).extracting(FloorBreach::kind)
                .containsExactly(AlertKind.VALUES_INDEX_BELOW_FLOOR, AlertKind.TRUST_INDEX_BELOW_FLOOR);
        assertThat(FloorBreach.of(floors, 80.0, 70.0)).isEmpty();
        assertThat(FloorBreach.of(floors, null, null)).isEmpty();
        assertThat(FloorBreach.of(settings(null, null), 10.0, 10.0)).isEmpty();
        assertThat(FloorBreach.watched(settings(null, null))).isFalse();
        assertThat(FloorBreach.watched(settings(null, 70.0))).isTrue();
    }

    @Test
    void anIndexAlertIsAboutAnAgencyOrAProgramAndKeepsWhatOpenedIt() {
        Alert agencyWide = Alert.indexBelowFloor(UUID.randomUUID(),
                new FloorBreach(AlertKind.TRUST_INDEX_BELOW_FLOOR, 62.5, 70.0), "harbor", null, OPENED,
                Delivery.notConfigured());

        assertThat(agencyWide.programId()).isNull();
        assertThat(agencyWide.sessionId()).isNull();
        assertThat(agencyWide.index()).isEqualTo(62.5);
        assertThat(agencyWide.floor()).isEqualTo(70.0);
        assertThatThrownBy(() -> new FloorBreach(AlertKind.HARM_REPORT, 1.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theApiNamesStatesInLowerCaseAndRefusesOthersByParameterName() {
        assertThat(AlertState.parse("acknowledged", "state")).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(AlertState.parse("OPEN", "state")).isEqualTo(AlertState.OPEN);
        assertThat(AlertState.RESOLVED.label()).isEqualTo("resolved");
        assertThatThrownBy(() -> AlertState.parse("closed", "state"))
                .isInstanceOfSatisfying(InvalidAlertRequest.class, e -> assertThat(e.parameter()).isEqualTo("state"));
    }

    private static Alert harm() {
        return Alert.harmReport(feedback(UUID.randomUUID(), true), LocalDate.parse("2026-11-19"), OPENED, Delivery.notConfigured());
    }

    private static ReceivedFeedback feedback(UUID eventId, boolean harm) {
        return new ReceivedFeedback(eventId, "s-1", RIVERA, Instant.parse("2026-11-19T15:00:00Z"),
                Map.of("KINDNESS", 2), 1, harm, Instant.parse("2026-11-19T16:00:00Z"));
    }

    private static AgencySettings settings(Double valuesFloor, Double trustFloor) {
        return new AgencySettings(ZoneOffset.UTC, new SmallCellRule(5), new SmallCellRule(11), Set.of(), valuesFloor,
                trustFloor);
    }
}
