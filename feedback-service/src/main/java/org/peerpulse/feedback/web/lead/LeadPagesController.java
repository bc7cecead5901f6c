package org.peerpulse.feedback.web.lead;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.peerpulse.feedback.application.ReadComments;
import org.peerpulse.feedback.application.ReadHarmReport;
import org.peerpulse.feedback.domain.UnknownHarmReportException;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.pages.PageSecurity;
import org.peerpulse.platform.pages.PageUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quality leads' pages. The security chain lets only quality leads of an agency in; the agency is the one
 * their sign-in names, so another agency's alert is simply not found (404, like the API), and a malformed alert
 * id is not found either. Reads are audited under the API's actions.
 */
@Controller
class LeadPagesController {

    private static final Pattern PROGRAM_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private final ReadHarmReport readHarmReport;
    private final ReadComments readComments;

    LeadPagesController(ReadHarmReport readHarmReport, ReadComments readComments) {
        this.readHarmReport = readHarmReport;
        this.readComments = readComments;
    }

    @Audited("harm_report.read")
    @GetMapping("/harm-reports/{alertId}")
    String harmReport(@AuthenticationPrincipal OidcUser oidcUser, @PathVariable String alertId,
            HttpServletResponse response, Model model) {
        PageUser user = PageUser.of(oidcUser);
        model.addAttribute("user", user);
        model.addAttribute("alertId", alertId);
        UUID alert;
        try {
            alert = UUID.fromString(alertId);
        } catch (IllegalArgumentException malformed) {
            return notFound(response);
        }
        try {
            model.addAttribute("report", readHarmReport.read(new ReadHarmReport.Command(user.agencyId(), alert)));
        } catch (UnknownHarmReportException unknown) {
            return notFound(response);
        }
        return "lead/harm-report";
    }

    /**
     * The program comments of the months a lead picks; without a program only the form. Dates default to the
     * last three whole months and this one, so the first view already shows what has been released.
     */
    @Audited("comments.read")
    @GetMapping("/comments")
    String comments(@AuthenticationPrincipal OidcUser oidcUser, @RequestParam(required = false) String programId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response, Model model) {
        PageUser user = PageUser.of(oidcUser);
        model.addAttribute("user", user);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = parse(from, YearMonth.from(today).minusMonths(3).atDay(1));
        LocalDate last = parse(to, today);
        String program = programId == null ? "" : programId.strip();
        model.addAttribute("programId", program);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        if (program.isEmpty()) {
            return "lead/comments";
        }
        if (!PROGRAM_ID.matcher(program).matches() || first == null || last == null || last.isBefore(first)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "lead/comments";
        }
        model.addAttribute("comments", readComments.read(new ReadComments.Command(user.agencyId(), program, first,
                last)));
        return "lead/comments";
    }

    /** Where the security chain sends a signed-in person who is not a quality lead of an agency. */
    @RequestMapping(PageSecurity.DENIED_PATH)
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "lead/denied";
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "lead/not-found";
    }

    /** {@code null} for a date that is not one; the default when none was given. */
    private static LocalDate parse(String date, LocalDate byDefault) {
        if (date == null || date.isBlank()) {
            return byDefault;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
