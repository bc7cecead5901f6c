package org.peerpulse.session.web.page;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.peerpulse.contracts.FrameworkItem;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.ItemKind;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.pages.PageUser;
import org.peerpulse.session.application.ChangeDirectory;
import org.peerpulse.session.application.ChangeSettings;
import org.peerpulse.session.application.DirectoryCommand;
import org.peerpulse.session.application.ReadDirectory;
import org.peerpulse.session.domain.Directory;
import org.peerpulse.session.domain.DirectoryRefusedException;
import org.peerpulse.session.domain.NotInDirectoryException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quality leads' administration page: the agency's programs, specialists and settings. Each form calls
 * {@link ChangeDirectory} or {@link ChangeSettings} once, is audited under the same action as the API, and
 * comes back to the page; a refused change is shown with its reason and changes nothing.
 */
@Controller
class AdminPageController {

    private final ReadDirectory readDirectory;
    private final ChangeDirectory changeDirectory;
    private final ChangeSettings changeSettings;
    private final WorkspaceLinks links;

    AdminPageController(ReadDirectory readDirectory, ChangeDirectory changeDirectory, ChangeSettings changeSettings,
            WorkspaceLinks links) {
        this.readDirectory = readDirectory;
        this.changeDirectory = changeDirectory;
        this.changeSettings = changeSettings;
        this.links = links;
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal OidcUser oidcUser, Model model) {
        PageUser user = PageUser.of(oidcUser);
        Directory directory = readDirectory.read(user.agencyId());
        return show(user, directory, SettingsForm.of(directory.settings()), model);
    }

    @Audited("directory.program.add")
    @PostMapping("/admin/programs")
    String addProgram(@AuthenticationPrincipal OidcUser oidcUser, @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String name, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        PageUser user = PageUser.of(oidcUser);
        return change(user, new DirectoryCommand.AddProgram(user.agencyId(), id.strip(), name), response, model,
                redirect);
    }

    @Audited("directory.program.change")
    @PostMapping("/admin/programs/{programId}")
    String changeProgram(@AuthenticationPrincipal OidcUser oidcUser, @PathVariable String programId,
            @RequestParam boolean active, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        PageUser user = PageUser.of(oidcUser);
        return change(user, new DirectoryCommand.ChangeProgram(user.agencyId(), programId, active), response, model,
                redirect);
    }

    @Audited("directory.specialist.add")
    @PostMapping("/admin/specialists")
    String addSpecialist(@AuthenticationPrincipal OidcUser oidcUser, @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> programs,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        PageUser user = PageUser.of(oidcUser);
        return change(user, new DirectoryCommand.AddSpecialist(user.agencyId(), id.strip(), name,
                programs == null ? List.of() : programs), response, model, redirect);
    }

    /** Either {@code active} or the {@code programs} they work in (all unticked: none), as one form sends. */
    @Audited("directory.specialist.change")
    @PostMapping("/admin/specialists/{specialistId}")
    String changeSpecialist(@AuthenticationPrincipal OidcUser oidcUser, @PathVariable String specialistId,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) List<String> programs,
            @RequestParam(defaultValue = "false") boolean programsShown, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        PageUser user = PageUser.of(oidcUser);
        List<String> theirPrograms = programsShown ? (programs == null ? List.of() : programs) : null;
        return change(user, new DirectoryCommand.ChangeSpecialist(user.agencyId(), specialistId, active,
                theirPrograms), response, model, redirect);
    }

    @Audited("settings.change")
    @PostMapping("/admin/settings")
    String changeSettings(@AuthenticationPrincipal OidcUser oidcUser, @ModelAttribute("settings") SettingsForm form,
            BindingResult errors, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        PageUser user = PageUser.of(oidcUser);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", new Refusal(errors.getFieldErrors().get(0).getField(), "is not valid"));
            return show(user, readDirectory.read(user.agencyId()), form, model);
        }
        try {
            changeSettings.change(new ChangeSettings.Command(user.agencyId(), form.settings()));
        } catch (DirectoryRefusedException e) {
            response.setStatus(WorkspacePageController.UNPROCESSABLE);
            model.addAttribute("refusal", new Refusal(e.field(), e.getMessage()));
            return show(user, readDirectory.read(user.agencyId()), form, model);
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin#settings";
    }

    private String change(PageUser user, DirectoryCommand command, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            changeDirectory.change(command);
        } catch (DirectoryRefusedException e) {
            return refused(user, new Refusal(e.field(), e.getMessage()), response, model);
        } catch (NotInDirectoryException e) {
            return refused(user, new Refusal("id", "is not in the agency's directory"), response, model);
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin";
    }

    private String refused(PageUser user, Refusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(WorkspacePageController.UNPROCESSABLE);
        model.addAttribute("refusal", refusal);
        Directory directory = readDirectory.read(user.agencyId());
        return show(user, directory, SettingsForm.of(directory.settings()), model);
    }

    private String show(PageUser user, Directory directory, SettingsForm settings, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("lead", true);
        model.addAttribute("metricsPages", links);
        model.addAttribute("directory", directory);
        model.addAttribute("settings", settings);
        model.addAttribute("valueItems", Frameworks.PEER_CORE_V1.itemsOfKind(ItemKind.VALUE).stream()
                .map(FrameworkItem::code).toList().size());
        return "admin";
    }

    /** Why a change was refused: the field, and the rule it broke (the directory's words, never the input). */
    record Refusal(String field, String message) {
    }
}
