package org.peerpulse.session.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;

/** The body of {@code POST /api/v1/sessions}. */
record LogSessionRequest(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String programId,
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String specialistId,
        @NotBlank @Size(max = 128) String participantRef,
        @NotNull @PastOrPresent Instant occurredAt,
        @NotNull @Min(1) @Max(480) Integer durationMinutes,
        @NotNull Channel channel,
        @NotNull Activity activity,
        @Size(max = 11) List<@NotNull FocusArea> focusAreas,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> strengthsNoted,
        @Size(max = 8) List<@NotBlank @Size(max = 40) String> valuesPracticed) {

    @Override
    public String toString() {
        return "LogSessionRequest[programId=" + programId + ", specialistId=" + specialistId + "]";
    }
}
