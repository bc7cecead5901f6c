package org.peerpulse.feedback.application;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.peerpulse.feedback.domain.Invitations;
import org.peerpulse.feedback.domain.ProgramComments;

/**
 * Lets a quality lead read the comments on one of their agency's programs for a period of session
 * dates, as {@link ProgramComments} allows. Dates are UTC days until agencies can set a time zone.
 */
public class ReadComments {

    private final Invitations invitations;

    public ReadComments(Invitations invitations) {
        this.invitations = invitations;
    }

    public ProgramComments read(Command command) {
        return ProgramComments.of(invitations.commentsOn(command.agencyId(), command.programId(),
                command.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                command.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** @param from first session date, inclusive @param to last session date, inclusive */
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
