package org.peerpulse.feedback.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.peerpulse.feedback.domain.AgencyTimeZones;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.ProgramComments;

/**
 * Lets a quality lead read the comments on one of their agency's programs, released by {@link ProgramComments}
 * in whole calendar months of the agency's time zone; {@code from} and {@code to} are days of that calendar.
 */
public class ReadComments {

    private final Invitations invitations;
    private final AgencyTimeZones zones;
    private final Clock clock;

    public ReadComments(Invitations invitations, AgencyTimeZones zones, Clock clock) {
        this.invitations = invitations;
        this.zones = zones;
        this.clock = clock;
    }

    public ProgramComments read(Command command) {
        ZoneId zone = zones.zoneOf(command.agencyId());
        ProgramComments.Span span = ProgramComments.spanOf(command.from(), command.to(), zone);
        return ProgramComments.of(invitations.commentsGiven(command.agencyId(), command.programId(), span.from(),
                span.until()), command.from(), command.to(), zone, clock.instant());
    }

    /** @param from first day, inclusive @param to last day, inclusive */
    public record Command(String agencyId, String programId, LocalDate from, LocalDate to) {

        public Command {
            if (agencyId == null || agencyId.isBlank() || programId == null || programId.isBlank()) {
                throw new IllegalArgumentException("agencyId and programId are required");
            }
            Objects.requireNonNull(from, "from is required");
            Objects.requireNonNull(to, "to is required");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("to must not be before from");
            }
        }
    }
}
