package org.peerpulse.session.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerpulse.contracts.AgencySettingsChanged.Retention;
import org.peerpulse.contracts.AgencySettingsChanged.Settings;

/**
 * The administration page's settings form: every setting, replaced as a whole as {@code PUT /api/v1/settings}
 * does. A blank optional field means "none" (no floor, no webhook, every value item, kept until erased).
 */
public class SettingsForm {

    private String timeZone;
    private Integer minCellSize;
    private Integer exportMinCellSize;
    private Double valuesIndexFloor;
    private Double trustIndexFloor;
    private List<String> part2Programs = new ArrayList<>();
    private String crisisLineEn;
    private String crisisLineEs;
    private List<String> formLanguages = new ArrayList<>();
    private Integer valueItemsPerForm;
    private String alertWebhookUrl;
    private Integer sessionsDays;
    private Integer answersDays;
    private Integer commentsDays;
    private Integer auditDays;

    static SettingsForm of(Settings settings) {
        SettingsForm form = new SettingsForm();
        form.timeZone = settings.timeZone();
        form.minCellSize = settings.minCellSize();
        form.exportMinCellSize = settings.exportMinCellSize();
        form.valuesIndexFloor = settings.valuesIndexFloor();
        form.trustIndexFloor = settings.trustIndexFloor();
        form.part2Programs = new ArrayList<>(settings.part2Programs());
        form.crisisLineEn = settings.crisisLine().get("en");
        form.crisisLineEs = settings.crisisLine().get("es");
        form.formLanguages = new ArrayList<>(settings.formLanguages());
        form.valueItemsPerForm = settings.valueItemsPerForm();
        form.alertWebhookUrl = settings.alertWebhookUrl();
        form.sessionsDays = settings.retention().sessionsDays();
        form.answersDays = settings.retention().answersDays();
        form.commentsDays = settings.retention().commentsDays();
        form.auditDays = settings.retention().auditDays();
        return form;
    }

    /** The settings the form asks for; the crisis line only in the languages the form is offered in. */
    Settings settings() {
        Map<String, String> crisisLine = new LinkedHashMap<>();
        if (formLanguages.contains("en") && crisisLineEn != null) {
            crisisLine.put("en", crisisLineEn.strip());
        }
        if (formLanguages.contains("es") && crisisLineEs != null) {
            crisisLine.put("es", crisisLineEs.strip());
        }
        return new Settings(timeZone == null ? "" : timeZone.strip(), minCellSize == null ? 0 : minCellSize,
                exportMinCellSize == null ? 0 : exportMinCellSize, valuesIndexFloor, trustIndexFloor, part2Programs,
                crisisLine, formLanguages, valueItemsPerForm,
                alertWebhookUrl == null || alertWebhookUrl.isBlank() ? null : alertWebhookUrl.strip(),
                new Retention(sessionsDays, answersDays, commentsDays, auditDays));
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getMinCellSize() {
        return minCellSize;
    }

    public void setMinCellSize(Integer minCellSize) {
        this.minCellSize = minCellSize;
    }

    public Integer getExportMinCellSize() {
        return exportMinCellSize;
    }

    public void setExportMinCellSize(Integer exportMinCellSize) {
        this.exportMinCellSize = exportMinCellSize;
    }

    public Double getValuesIndexFloor() {
        return valuesIndexFloor;
    }

    public void setValuesIndexFloor(Double valuesIndexFloor) {
        this.valuesIndexFloor = valuesIndexFloor;
    }

    public Double getTrustIndexFloor() {
        return trustIndexFloor;
    }

    public void setTrustIndexFloor(Double trustIndexFloor) {
        this.trustIndexFloor = trustIndexFloor;
    }

    public List<String> getPart2Programs() {
        return part2Programs;
    }

    public void setPart2Programs(List<String> part2Programs) {
        this.part2Programs = part2Programs == null ? new ArrayList<>() : part2Programs;
    }

    public String getCrisisLineEn() {
        return crisisLineEn;
    }

    public void setCrisisLineEn(String crisisLineEn) {
        this.crisisLineEn = crisisLineEn;
    }

    public String getCrisisLineEs() {
        return crisisLineEs;
    }

    public void setCrisisLineEs(String crisisLineEs) {
        this.crisisLineEs = crisisLineEs;
    }

    public List<String> getFormLanguages() {
        return formLanguages;
    }

    public void setFormLanguages(List<String> formLanguages) {
        this.formLanguages = formLanguages == null ? new ArrayList<>() : formLanguages;
    }

    public Integer getValueItemsPerForm() {
        return valueItemsPerForm;
    }

    public void setValueItemsPerForm(Integer valueItemsPerForm) {
        this.valueItemsPerForm = valueItemsPerForm;
    }

    public String getAlertWebhookUrl() {
        return alertWebhookUrl;
    }

    public void setAlertWebhookUrl(String alertWebhookUrl) {
        this.alertWebhookUrl = alertWebhookUrl;
    }

    public Integer getSessionsDays() {
        return sessionsDays;
    }

    public void setSessionsDays(Integer sessionsDays) {
        this.sessionsDays = sessionsDays;
    }

    public Integer getAnswersDays() {
        return answersDays;
    }

    public void setAnswersDays(Integer answersDays) {
        this.answersDays = answersDays;
    }

    public Integer getCommentsDays() {
        return commentsDays;
    }

    public void setCommentsDays(Integer commentsDays) {
        this.commentsDays = commentsDays;
    }

    public Integer getAuditDays() {
        return auditDays;
    }

    public void setAuditDays(Integer auditDays) {
        this.auditDays = auditDays;
    }
}
