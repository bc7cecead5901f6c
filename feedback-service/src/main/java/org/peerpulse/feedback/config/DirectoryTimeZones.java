package org.peerpulse.feedback.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.peerpulse.feedback.domain.AgencyTimeZones;
import org.peerpulse.platform.agencies.AgencyDirectory;

/**
 * The agencies' time zones from the platform's {@link AgencyDirectory}, so a changed zone applies to the next
 * read without a restart. A zone this JVM does not know reads as UTC rather than failing a lead's page.
 */
final class DirectoryTimeZones implements AgencyTimeZones {

    private final AgencyDirectory directory;

    DirectoryTimeZones(AgencyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ZoneId zoneOf(String agencyId) {
        String zone = directory.of(agencyId).settings().timeZone();
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
