package org.peerpulse.session.application;

import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.Directory;

/** The caller's agency's directory and settings as they stand. */
public class ReadDirectory {

    private final Directories directories;

    public ReadDirectory(Directories directories) {
        this.directories = directories;
    }

    public Directory read(String agencyId) {
        return directories.of(agencyId);
    }
}
