package org.peerpulse.feedback.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.peerpulse.contracts.EventIds;
import org.peerpulse.contracts.FeedbackSubmitted;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.feedback.domain.Answers;
import org.peerpulse.feedback.domain.ArrivalWindow;
import org.peerpulse.feedback.domain.FormMode;
import org.peerpulse.feedback.domain.HarmAnswer;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.InvitationToken;
import org.peerpulse.feedback.domain.InvitationUnavailableException;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.QualityFrameworks;

/**
 * Redeems an invitation with the participant's answers, exactly once. The invitation decides on what was
 * read; the store then redeems only if the invitation is still open, so of two racing submissions one
 * wins and the other is told why it lost. Any refusal leaves nothing stored and nothing published.
 */
public class SubmitFeedback {

    private final Invitations invitations;
    private final QualityFrameworks frameworks;
    private final ArrivalWindow arrivalWindow;
    private final Clock clock;

    public SubmitFeedback(Invitations invitations, QualityFrameworks frameworks, ArrivalWindow arrivalWindow,
            Clock clock) {
        this.invitations = invitations;
        this.frameworks = frameworks;
        this.arrivalWindow = arrivalWindow;
        this.clock = clock;
    }

    /**
     * @throws InvitationUnavailableException unknown, not yet known, used, voided or expired; nothing is
     *     stored then, so a not-yet-known submission can simply be sent again
     * @throws org.peerpulse.feedback.domain.InvalidAnswersException answers that do not fit the form
     */
    public void submit(Command command) {
        String tokenHash = command.token().hash();
        Invitation invitation = invitations.withTokenHash(tokenHash)
                .orElseThrow(() -> new InvitationUnavailableException(
                        arrivalWindow.mayStillArrive(command.token(), clock.instant())
                                ? Reason.NOT_YET_KNOWN : Reason.UNKNOWN));
        // Checked against the form this invitation shows: an item it does not ask is not on it.
        QualityFramework form = invitation.formOf(frameworks.find(invitation.framework())
                .orElseThrow(() -> new IllegalStateException("invitation names a framework this service lacks")));
        Answers answers = Answers.forFramework(form, command.ratings(), command.hope(), command.harm(),
                command.comment(), command.language(), command.mode());
        Instant now = clock.instant();
        FeedbackSubmitted submitted = invitation.redeem(answers, now, EventIds.newId(clock));
        if (!invitations.redeemIfOpen(tokenHash, answers, submitted, now)) {
            // Something changed since the read (most likely a parallel submission): say what.
            Reason reason = invitations.withTokenHash(tokenHash)
                    .map(current -> current.unavailableAt(now).orElse(Reason.ALREADY_USED))
                    .orElse(Reason.UNKNOWN);
            throw new InvitationUnavailableException(reason);
        }
    }

    /**
     * What the participant sent. The answers are checked against the invitation's form when it is known.
     *
     * @param language {@code null} for English
     * @param mode {@code null} for {@link FormMode#OWN_DEVICE}
     */
    public record Command(InvitationToken token, Map<String, Integer> ratings, Integer hope, HarmAnswer harm,
            String comment, String language, FormMode mode) {

        public Command {
            Objects.requireNonNull(token, "token is required");
            ratings = ratings == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(ratings));
        }

        @Override
        public String toString() {
            // The comment and harm text are the participant's own words: never in a log line.
            return "SubmitFeedback.Command[ratings=" + ratings.keySet() + "]";
        }
    }
}
