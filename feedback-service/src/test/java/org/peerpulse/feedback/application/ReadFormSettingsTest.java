package org.peerpulse.feedback.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.InvitationTokens;
import org.peerpulse.feedback.domain.Agencies;
import org.peerpulse.feedback.domain.FormSettings;
import org.peerpulse.feedback.domain.Fixtures;
import org.peerpulse.feedback.domain.InvitationToken;

/** Every page of a link speaks its agency's form settings; a link no agency issued gets the defaults. */
class ReadFormSettingsTest {

    private static final FormSettings HARBOR = new FormSettings(List.of("es"), Map.of("es", "Llama al 555-0100."));

    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final Agencies agencies = agency -> agency.equals("harbor") ? HARBOR : FormSettings.DEFAULTS;
    private final ReadFormSettings readFormSettings = new ReadFormSettings(invitations, agencies);

    @Test
    void aLinkGetsTheSettingsOfTheAgencyThatIssuedIt() {
        invitations.addAllIfAbsent(List.of(Fixtures.openInvitation()));

        assertThat(read(Fixtures.TOKEN)).isEqualTo(HARBOR);
    }

    @Test
    void aLinkNoAgencyIssuedGetsTheDefaults() {
        assertThat(read(InvitationTokens.issue(Fixtures.BEFORE_EXPIRY))).isEqualTo(FormSettings.DEFAULTS);
    }

    private FormSettings read(String token) {
        return readFormSettings.read(new ReadFormSettings.Command(InvitationToken.of(token)));
    }
}
