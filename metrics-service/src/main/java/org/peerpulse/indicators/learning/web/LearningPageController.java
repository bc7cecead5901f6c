package org.peerpulse.indicators.learning.web;

import java.util.Locale;

import org.peerpulse.indicators.dashboards.web.DashboardMeters;
import org.peerpulse.indicators.learning.application.LearningAnswer;
import org.peerpulse.indicators.learning.application.ReadLearningView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A specialist's learning page: the same release the learning API answers, server-rendered for a phone.
 * Whose view it is comes from the signed-in person's {@code specialist} claim only; there is no id in the
 * path or the query to try another specialist's, and the security chain lets only a specialist with one in.
 */
@Controller
class LearningPageController {

    private final ReadLearningView readLearningView;
    private final DashboardMeters meters;
    private final WorkspaceLink workspace;

    LearningPageController(ReadLearningView readLearningView, DashboardMeters meters, WorkspaceLink workspace) {
        this.readLearningView = readLearningView;
        this.meters = meters;
        this.workspace = workspace;
    }

    @GetMapping("/learning")
    String learning(@AuthenticationPrincipal OidcUser user, Locale locale, Model model) {
        SignedInSpecialist specialist = SignedInSpecialist.of(user);
        LearningAnswer answer = readLearningView.read(specialist.agencyId(), specialist.specialistId());
        answer.release().ifPresent(release -> meters.served("learning", (release.view().responses() == null ? 1 : 0)
                + DashboardMeters.hiddenIn(release.view().items(), release.view().hope())));
        model.addAttribute("view", LearningPageView.of(specialist, answer, locale));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("otherLang", "es".equals(locale.getLanguage()) ? "en" : "es");
        model.addAttribute("workspaceUrl", workspace.url().toString());
        return "learning";
    }
}
