package org.peerpulse.feedback.application;

import java.util.Objects;
import org.peerpulse.feedback.domain.Agencies;
import org.peerpulse.feedback.domain.FormSettings;
import org.peerpulse.feedback.domain.InvitationToken;
import org.peerpulse.feedback.domain.Invitations;

/**
 * Finds the form settings of the agency whose link a participant holds, so that every page for that link
 * (the form, the thanks, and every refusal) speaks the agency's languages and shows its crisis line. A link no
 * agency issued gets the defaults. It only reads, and never says whether a link exists beyond what the page
 * itself then says.
 */
public class ReadFormSettings {

    private final Invitations invitations;
    private final Agencies agencies;

    public ReadFormSettings(Invitations invitations, Agencies agencies) {
        this.invitations = invitations;
        this.agencies = agencies;
    }

    public FormSettings read(Command command) {
        return invitations.withTokenHash(command.token().hash())
                .map(invitation -> agencies.formSettingsOf(invitation.session().agencyId()))
                .orElse(FormSettings.DEFAULTS);
    }

    public record Command(InvitationToken token) {

        public Command {
            Objects.requireNonNull(token, "token is required");
        }
    }
}
