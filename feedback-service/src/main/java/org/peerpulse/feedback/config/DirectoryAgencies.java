package org.peerpulse.feedback.config;

import org.peerpulse.feedback.domain.Agencies;
import org.peerpulse.feedback.domain.FormSettings;
import org.peerpulse.platform.agencies.AgencyDirectory;

/**
 * The agencies' form settings from the platform's {@link AgencyDirectory}, which follows the compacted agencies
 * topic, so a quality lead's change shows on the next page without a restart. Asked once per participant page,
 * a rate at which building the settings from the snapshot each time costs nothing worth a cache that would
 * have to follow every change.
 */
final class DirectoryAgencies implements Agencies {

    private final AgencyDirectory directory;

    DirectoryAgencies(AgencyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public FormSettings formSettingsOf(String agencyId) {
        return FormSettings.of(directory.of(agencyId).settings());
    }
}
