package org.peerpulse.session.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peerpulse.contracts.AgencySettingsChanged;
import org.peerpulse.session.domain.Directory;

/**
 * An agency's settings as {@code GET|PUT /api/v1/settings} carry them; a PUT replaces all of them. What each
 * means, and its rules, is in {@link AgencySettingsChanged.Settings} and {@link Directory#changeSettings}.
 * {@code version} is the directory's, in answers only.
 */
record SettingsBody(
        Long version,
        @NotNull @Size(max = 64) String timeZone,
        @NotNull Integer minCellSize,
        @NotNull Integer exportMinCellSize,
        Double valuesIndexFloor,
        Double trustIndexFloor,
        @Size(max = 50) List<@NotNull String> part2Programs,
        // A text of null would otherwise reach Map.copyOf in Settings and fail as a 500, not as this field.
        @NotNull @Size(max = 5) Map<String, @NotNull String> crisisLine,
        @NotEmpty @Size(max = 5) List<@NotNull String> formLanguages,
        Integer valueItemsPerForm,
        @Size(max = 500) String alertWebhookUrl,
        Retention retention) {

    static SettingsBody of(Directory directory) {
        AgencySettingsChanged.Settings s = directory.settings();
        AgencySettingsChanged.Retention r = s.retention();
        return new SettingsBody(directory.version(), s.timeZone(), s.minCellSize(), s.exportMinCellSize(),
                s.valuesIndexFloor(), s.trustIndexFloor(), s.part2Programs(), s.crisisLine(), s.formLanguages(),
                s.valueItemsPerForm(), s.alertWebhookUrl(),
                new Retention(r.sessionsDays(), r.answersDays(), r.commentsDays(), r.auditDays()));
    }

    AgencySettingsChanged.Settings settings() {
        AgencySettingsChanged.Retention kept = retention == null ? AgencySettingsChanged.Retention.DEFAULTS
                : new AgencySettingsChanged.Retention(retention.sessionsDays(), retention.answersDays(),
                        retention.commentsDays(), retention.auditDays());
        return new AgencySettingsChanged.Settings(timeZone, minCellSize, exportMinCellSize, valuesIndexFloor,
                trustIndexFloor, part2Programs, crisisLine, formLanguages, valueItemsPerForm, alertWebhookUrl, kept);
    }

    /** Days each kind of record is kept; {@code null}: until erased. */
    record Retention(Integer sessionsDays, Integer answersDays, Integer commentsDays, Integer auditDays) {
    }
}
