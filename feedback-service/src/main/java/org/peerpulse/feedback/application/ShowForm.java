package org.peerpulse.feedback.application;

import java.time.Clock;
import java.util.Objects;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.feedback.domain.ArrivalWindow;
import org.peerpulse.feedback.domain.Invitation;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.InvitationToken;
import org.peerpulse.feedback.domain.InvitationUnavailableException;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;
import org.peerpulse.feedback.domain.QualityFrameworks;

/**
 * Finds the questions to show for a token, or why there are none. It only reads: opening (or
 * reopening) the form never uses the token up, so a participant who is interrupted can come back.
 */
public class ShowForm {

    private final Invitations invitations;
    private final QualityFrameworks frameworks;
    private final ArrivalWindow arrivalWindow;
    private final Clock clock;

    public ShowForm(Invitations invitations, QualityFrameworks frameworks, ArrivalWindow arrivalWindow,
            Clock clock) {
        this.invitations = invitations;
        this.frameworks = frameworks;
        this.arrivalWindow = arrivalWindow;
        this.clock = clock;
    }

    /**
     * @return the framework the invitation is answered under, with only the items its form asks
     * @throws InvitationUnavailableException unknown, not yet known, used, voided or expired
     */
    public QualityFramework show(Command command) {
        Invitation invitation = invitations.withTokenHash(command.token().hash())
                .orElseThrow(() -> new InvitationUnavailableException(
                        arrivalWindow.mayStillArrive(command.token(), clock.instant())
                                ? Reason.NOT_YET_KNOWN : Reason.UNKNOWN));
        invitation.unavailableAt(clock.instant()).ifPresent(reason -> {
            throw new InvitationUnavailableException(reason);
        });
        return invitation.formOf(frameworks.find(invitation.framework())
                .orElseThrow(() -> new IllegalStateException("invitation names a framework this service lacks")));
    }

    public record Command(InvitationToken token) {

        public Command {
            Objects.requireNonNull(token, "token is required");
        }
    }
}
