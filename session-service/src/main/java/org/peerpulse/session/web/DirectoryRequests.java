package org.peerpulse.session.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.peerpulse.session.domain.Directory;

/** The bodies a quality lead sends to change the agency's directory. */
final class DirectoryRequests {

    private static final String ID = Directory.ID_PATTERN;
    private static final String ID_MESSAGE = Directory.ID_MESSAGE;

    private DirectoryRequests() {
    }

    record AddProgram(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotBlank @Size(max = 100) String name) {
    }

    record ChangeProgram(@NotNull Boolean active) {
    }

    record AddSpecialist(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 50) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> programs) {
    }

    /** What is left out stays as it is. */
    record ChangeSpecialist(
            Boolean active,
            @Size(max = 50) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> programs) {
    }
}
