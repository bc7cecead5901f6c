package org.peerpulse.session.web;

import java.util.List;

import org.peerpulse.session.domain.Directory;

/** The agency's programs and specialists, and the version of its directory they are from. */
record DirectoryResponse(long version, List<Program> programs, List<Specialist> specialists) {

    static DirectoryResponse of(Directory directory) {
        return new DirectoryResponse(directory.version(),
                directory.programs().stream().map(p -> new Program(p.id(), p.name(), p.active())).toList(),
                directory.specialists().stream()
                        .map(s -> new Specialist(s.id(), s.name(), s.active(), s.programs()))
                        .toList());
    }

    record Program(String id, String name, boolean active) {
    }

    record Specialist(String id, String name, boolean active, List<String> programs) {
    }
}
