package org.peerpulse.indicators.learning.web;

import org.peerpulse.indicators.agencies.domain.AgencyCalendar;
import org.peerpulse.indicators.dashboards.web.DashboardMeters;
import org.peerpulse.indicators.learning.application.LearningAnswer;
import org.peerpulse.indicators.learning.application.ReadLearningView;
import org.peerpulse.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A specialist's own learning view. Whose view it is comes from the token's {@code specialist} claim only:
 * there is no id in the path to try another specialist's. Quality leads read the specialist dashboards
 * instead, which carry what a specialist must not see.
 */
@RestController
class LearningController {

    private final ReadLearningView readLearningView;
    private final AgencyCalendar calendar;

    private final DashboardMeters meters;

    LearningController(ReadLearningView readLearningView, AgencyCalendar calendar, DashboardMeters meters) {
        this.readLearningView = readLearningView;
        this.calendar = calendar;
        this.meters = meters;
    }

    @GetMapping("/api/v1/learning")
    ResponseEntity<LearningResponse> learning(Caller caller) {
        if (!caller.hasRole(Caller.SPECIALIST)) {
            throw new NoLearningView("The learning view is a specialist's own; quality leads read the dashboards.");
        }
        if (caller.specialistId() == null) {
            throw new NoLearningView("This token names no specialist id (claim \"specialist\"), so it has no learning view.");
        }
        LearningAnswer answer = readLearningView.read(caller.agencyId(), caller.specialistId());
        answer.release().ifPresent(release -> meters.served("learning", (release.view().responses() == null ? 1 : 0)
                + DashboardMeters.hiddenIn(release.view().items(), release.view().hope())));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(LearningResponse.of(caller.agencyId(), caller.specialistId(), answer,
                        calendar.zoneOf(caller.agencyId())));
    }
}
