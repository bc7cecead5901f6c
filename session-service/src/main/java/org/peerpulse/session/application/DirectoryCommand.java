package org.peerpulse.session.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.peerpulse.session.domain.Directory;

/** A change a quality lead asks of their agency's directory, and which of the directory's rules decides it. */
public sealed interface DirectoryCommand {

    String agencyId();

    Directory.Changed on(Directory current, Instant now, UUID eventId);

    record AddProgram(String agencyId, String id, String name) implements DirectoryCommand {
        public AddProgram {
            Objects.requireNonNull(agencyId, "agencyId");
        }

        @Override
        public Directory.Changed on(Directory current, Instant now, UUID eventId) {
            return current.addProgram(id, name, now, eventId);
        }
    }

    record ChangeProgram(String agencyId, String id, boolean active) implements DirectoryCommand {
        public ChangeProgram {
            Objects.requireNonNull(agencyId, "agencyId");
        }

        @Override
        public Directory.Changed on(Directory current, Instant now, UUID eventId) {
            return current.changeProgram(id, active, now, eventId);
        }
    }

    /** {@code programs}: the programs they work in. */
    record AddSpecialist(String agencyId, String id, String name, List<String> programs) implements DirectoryCommand {
        public AddSpecialist {
            Objects.requireNonNull(agencyId, "agencyId");
        }

        @Override
        public Directory.Changed on(Directory current, Instant now, UUID eventId) {
            return current.addSpecialist(id, name, programs, now, eventId);
        }
    }

    /** What is {@code null} stays as it is. */
    record ChangeSpecialist(String agencyId, String id, Boolean active, List<String> programs)
            implements DirectoryCommand {
        public ChangeSpecialist {
            Objects.requireNonNull(agencyId, "agencyId");
        }

        @Override
        public Directory.Changed on(Directory current, Instant now, UUID eventId) {
            return current.changeSpecialist(id, active, programs, now, eventId);
        }
    }
}
