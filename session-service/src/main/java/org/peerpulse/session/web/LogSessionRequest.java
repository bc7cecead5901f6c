package org.peerpulse.session.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;

/**
 * The body of {@code POST /api/v1/sessions}. A specialist may leave {@code specialistId} out (it is theirs);
 * {@code attendees} is 1 unless given.
 */
record LogSessionRequest(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String programId,
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String specialistId,
        @NotBlank @Size(max = 128) String participantRef,
        @NotNull @PastOrPresent Instant occurredAt,
        @NotNull @Min(1) @Max(480) Integer durationMinutes,
        @NotNull Channel channel,
        @NotNull Activity activity,
        @Size(max = 11) List<@NotNull FocusArea> focusAreas,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> strengthsNoted,
        @Size(max = 8) List<@NotBlank @Size(max = 40) String> valuesPracticed,
        @Min(value = 1, message = "must be between 1 and 30") @Max(value = 30, message = "must be between 1 and 30")
        Integer attendees) {

    int attendeesOrOne() {
        return attendees == null ? 1 : attendees;
    }

    @Override
    public String toString() {
        return "LogSessionRequest[programId=" + programId + ", specialistId=" + specialistId + "]";
    }
}
