package org.peerpulse.session.application;

import java.time.Clock;
import java.util.Objects;

import org.peerpulse.contracts.AgencySettingsChanged.Settings;
import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.Directory;

/**
 * A quality lead replaces their agency's settings; each is checked, and a refused one changes nothing.
 * feedback-service and metrics-service read the new snapshot from the agencies topic, without a restart.
 */
public class ChangeSettings {

    private final DirectoryChanges changes;
    private final boolean plainHttpWebhooks;

    /** @param plainHttpWebhooks whether an {@code http} webhook is allowed: only on the local stack */
    public ChangeSettings(Directories directories, Clock clock, boolean plainHttpWebhooks) {
        this.changes = new DirectoryChanges(directories, clock);
        this.plainHttpWebhooks = plainHttpWebhooks;
    }

    public Directory change(Command command) {
        return changes.apply(command.agencyId(),
                (current, now, eventId) -> current.changeSettings(command.settings(), plainHttpWebhooks, now, eventId));
    }

    public record Command(String agencyId, Settings settings) {
        public Command {
            Objects.requireNonNull(agencyId, "agencyId");
            Objects.requireNonNull(settings, "settings");
        }
    }
}
