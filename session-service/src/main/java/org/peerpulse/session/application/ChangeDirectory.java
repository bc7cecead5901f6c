package org.peerpulse.session.application;

import java.time.Clock;

import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.Directory;

/**
 * A quality lead adds or changes a program or a specialist of their agency. Every change is stored with the
 * agency's whole snapshot to publish on the agencies topic, in the same write.
 */
public class ChangeDirectory {

    private final DirectoryChanges changes;

    public ChangeDirectory(Directories directories, Clock clock) {
        this.changes = new DirectoryChanges(directories, clock);
    }

    public Directory change(DirectoryCommand command) {
        return changes.apply(command.agencyId(), command::on);
    }
}
