package org.peerpulse.session.web.page;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.session.domain.Directory;

/**
 * The workspace's form to log a session, with a default for everything but the participant's reference, so a
 * session of the usual kind is logged in a few taps. {@code occurredAt} is a {@code datetime-local} value in the
 * agency's time zone; {@code strengthsNoted} a comma-separated list of short tags.
 */
public class LogSessionForm {

    static final int DEFAULT_MINUTES = 30;

    @NotNull
    @Pattern(regexp = Directory.ID_PATTERN, message = "must be a program of the agency")
    private String programId;
    @Pattern(regexp = Directory.ID_PATTERN, message = "must be a specialist of the agency")
    private String specialistId;
    @NotBlank(message = "is needed: the agency's own reference for the participant")
    @Size(max = 128)
    private String participantRef;
    @NotBlank
    @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?", message = "must be a date and time")
    private String occurredAt;
    @NotNull
    @Min(value = 1, message = "must be between 1 and 480")
    @Max(value = 480, message = "must be between 1 and 480")
    private Integer durationMinutes = DEFAULT_MINUTES;
    @NotNull
    private Channel channel = Channel.IN_PERSON;
    @NotNull
    private Activity activity = Activity.PEER_SUPPORT;
    @Size(max = 11)
    private List<FocusArea> focusAreas = new ArrayList<>();
    @Size(max = 400)
    private String strengthsNoted;
    @Size(max = 8)
    private List<String> valuesPracticed = new ArrayList<>();
    @NotNull
    @Min(value = 1, message = "must be between 1 and 30")
    @Max(value = 30, message = "must be between 1 and 30")
    private Integer attendees = 1;

    /** The strengths as tags: split at commas, trimmed, blanks dropped. */
    List<String> strengthTags() {
        if (strengthsNoted == null || strengthsNoted.isBlank()) {
            return List.of();
        }
        return List.of(strengthsNoted.split(",")).stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    public String getProgramId() {
        return programId;
    }

    public void setProgramId(String programId) {
        this.programId = programId;
    }

    public String getSpecialistId() {
        return specialistId;
    }

    public void setSpecialistId(String specialistId) {
        this.specialistId = specialistId == null || specialistId.isBlank() ? null : specialistId;
    }

    public String getParticipantRef() {
        return participantRef;
    }

    public void setParticipantRef(String participantRef) {
        this.participantRef = participantRef;
    }

    public String getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(String occurredAt) {
        this.occurredAt = occurredAt;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public Activity getActivity() {
        return activity;
    }

    public void setActivity(Activity activity) {
        this.activity = activity;
    }

    public List<FocusArea> getFocusAreas() {
        return focusAreas;
    }

    public void setFocusAreas(List<FocusArea> focusAreas) {
        this.focusAreas = focusAreas == null ? new ArrayList<>() : focusAreas;
    }

    public String getStrengthsNoted() {
        return strengthsNoted;
    }

    public void setStrengthsNoted(String strengthsNoted) {
        this.strengthsNoted = strengthsNoted;
    }

    public List<String> getValuesPracticed() {
        return valuesPracticed;
    }

    public void setValuesPracticed(List<String> valuesPracticed) {
        this.valuesPracticed = valuesPracticed == null ? new ArrayList<>() : valuesPracticed;
    }

    public Integer getAttendees() {
        return attendees;
    }

    public void setAttendees(Integer attendees) {
        this.attendees = attendees;
    }

    @Override
    public String toString() {
        return "LogSessionForm[programId=" + programId + "]";
    }
}
