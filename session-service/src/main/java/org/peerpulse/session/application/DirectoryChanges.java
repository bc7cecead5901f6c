package org.peerpulse.session.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.peerpulse.contracts.EventIds;
import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.Directory;

/**
 * How every change to a directory is made: read it, let it decide, store the next version only if no other
 * change came first, and otherwise decide again on what that one left. Each try is one guarded single-document
 * write, so two leads changing the same agency at once both land, one after the other.
 */
class DirectoryChanges {

    /** Far more than two leads editing one agency in the same millisecond would ever need. */
    private static final int TRIES = 10;

    private final Directories directories;
    private final Clock clock;

    DirectoryChanges(Directories directories, Clock clock) {
        this.directories = directories;
        this.clock = clock;
    }

    Directory apply(String agencyId, Change change) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Directory current = directories.of(agencyId);
            Directory.Changed changed = change.on(current, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    EventIds.newId(clock));
            if (directories.save(changed)) {
                return changed.directory();
            }
        }
        throw new IllegalStateException("the agency's directory kept changing under " + TRIES + " tries");
    }

    /** One change, decided by the directory as it stands. */
    @FunctionalInterface
    interface Change {
        Directory.Changed on(Directory current, Instant now, UUID eventId);
    }
}
