package org.peerpulse.feedback.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.peerpulse.feedback.application.SubmitFeedback;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.FormMode;
import org.peerpulse.feedback.domain.HarmAnswer;
import org.peerpulse.feedback.domain.InvitationToken;

/**
 * The body of {@code POST /api/v1/feedback}. Its shape is checked here; whether the ratings fit the
 * invitation's form is checked once the invitation is known. {@code harm} may be left out, as may its
 * {@code reported}: the do-no-harm question was skipped, which is no harm report.
 */
record FeedbackRequest(
        @NotBlank @Pattern(regexp = InvitationToken.FORMAT, message = "must be a feedback link token") String token,
        Map<String, Integer> ratings,
        Integer hope,
        @Valid Harm harm,
        @Size(max = Answers.MAX_TEXT_LENGTH) String comment,
        String language,
        FormMode mode) {

    record Harm(Boolean reported, @Size(max = Answers.MAX_TEXT_LENGTH) String text) {
    }

    SubmitFeedback.Command toCommand() {
        return new SubmitFeedback.Command(InvitationToken.of(token), ratings, hope,
                harm == null ? null : new HarmAnswer(harm.reported(), harm.text()), comment, language, mode);
    }

    @Override
    public String toString() {
        return "FeedbackRequest[redacted]";
    }
}
