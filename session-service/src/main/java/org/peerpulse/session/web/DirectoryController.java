package org.peerpulse.session.web;

import jakarta.validation.Valid;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.security.Caller;
import org.peerpulse.session.application.ChangeDirectory;
import org.peerpulse.session.application.ChangeSettings;
import org.peerpulse.session.application.DirectoryCommand;
import org.peerpulse.session.application.ReadDirectory;
import org.peerpulse.session.domain.Directory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency's directory and settings, for its quality leads. Every change is audited, and answers with the
 * directory (or settings) as they now stand.
 */
@RestController
@PreAuthorize("hasRole('quality_lead')")
class DirectoryController {

    private final ReadDirectory readDirectory;
    private final ChangeDirectory changeDirectory;
    private final ChangeSettings changeSettings;

    DirectoryController(ReadDirectory readDirectory, ChangeDirectory changeDirectory, ChangeSettings changeSettings) {
        this.readDirectory = readDirectory;
        this.changeDirectory = changeDirectory;
        this.changeSettings = changeSettings;
    }

    @GetMapping(path = { "/api/v1/directory/programs", "/api/v1/directory/specialists" }, produces = "application/json")
    DirectoryResponse directory(Caller caller) {
        return DirectoryResponse.of(readDirectory.read(caller.agencyId()));
    }

    @Audited("directory.program.add")
    @PostMapping(path = "/api/v1/directory/programs", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryResponse addProgram(@Valid @RequestBody DirectoryRequests.AddProgram request, Caller caller) {
        return change(new DirectoryCommand.AddProgram(caller.agencyId(), request.id(), request.name()));
    }

    @Audited("directory.program.change")
    @PatchMapping(path = "/api/v1/directory/programs/{programId}", consumes = "application/json",
            produces = "application/json")
    DirectoryResponse changeProgram(@PathVariable String programId,
            @Valid @RequestBody DirectoryRequests.ChangeProgram request, Caller caller) {
        return change(new DirectoryCommand.ChangeProgram(caller.agencyId(), checkedId(programId), request.active()));
    }

    @Audited("directory.specialist.add")
    @PostMapping(path = "/api/v1/directory/specialists", consumes = "application/json",
            produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryResponse addSpecialist(@Valid @RequestBody DirectoryRequests.AddSpecialist request, Caller caller) {
        return change(new DirectoryCommand.AddSpecialist(caller.agencyId(), request.id(), request.name(),
                request.programs()));
    }

    @Audited("directory.specialist.change")
    @PatchMapping(path = "/api/v1/directory/specialists/{specialistId}", consumes = "application/json",
            produces = "application/json")
    DirectoryResponse changeSpecialist(@PathVariable String specialistId,
            @Valid @RequestBody DirectoryRequests.ChangeSpecialist request, Caller caller) {
        if (request.active() == null && request.programs() == null) {
            // Nothing to change would still publish a new version of the whole directory.
            throw new BadParameterException("active", "or programs is needed: the body names nothing to change");
        }
        return change(new DirectoryCommand.ChangeSpecialist(caller.agencyId(), checkedId(specialistId),
                request.active(), request.programs()));
    }

    @GetMapping(path = "/api/v1/settings", produces = "application/json")
    SettingsBody settings(Caller caller) {
        return SettingsBody.of(readDirectory.read(caller.agencyId()));
    }

    @Audited("settings.change")
    @PutMapping(path = "/api/v1/settings", consumes = "application/json", produces = "application/json")
    SettingsBody changeSettings(@Valid @RequestBody SettingsBody request, Caller caller) {
        return SettingsBody.of(changeSettings.change(new ChangeSettings.Command(caller.agencyId(),
                request.settings())));
    }

    private DirectoryResponse change(DirectoryCommand command) {
        return DirectoryResponse.of(changeDirectory.change(command));
    }

    private static String checkedId(String id) {
        if (!Directory.isId(id)) {
            throw new BadParameterException("id", Directory.ID_MESSAGE);
        }
        return id;
    }
}
