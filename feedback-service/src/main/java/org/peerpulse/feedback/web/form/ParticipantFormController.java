package org.peerpulse.feedback.web.form;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerpulse.contracts.FrameworkRef;
import org.peerpulse.contracts.Frameworks;
import org.peerpulse.contracts.QualityFramework;
import org.peerpulse.feedback.application.ReadFormSettings;
import org.peerpulse.feedback.application.ShowForm;
import org.peerpulse.feedback.application.SubmitFeedback;
import org.peerpulse.feedback.domain.FormSettings;
import org.peerpulse.feedback.domain.InvalidAnswer;
import org.peerpulse.feedback.domain.InvalidAnswersException;
import org.peerpulse.feedback.domain.InvitationToken;
import org.peerpulse.feedback.domain.InvitationUnavailableException;
import org.peerpulse.feedback.domain.InvitationUnavailableException.Reason;
import org.peerpulse.feedback.domain.QualityFrameworks;
import org.peerpulse.feedback.web.TokenAttempts;
import org.peerpulse.feedback.web.form.ParticipantForm.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The participant's form. Showing it only reads; sending it is one {@code SubmitFeedback} call, like the
 * JSON API. Every page first reads the link's agency's form settings ({@code ReadFormSettings}, a second use
 * case on purpose: the thanks and every refusal need them too, which no single outcome of the other two
 * carries), so that it is shown in a language the agency offers, with the agency's crisis line. Every outcome is a page in the participant's language with the fitting status: the form
 * again with its answers kept (400, or 503 "one moment" when the invitation has not arrived yet), thank
 * you, already answered (409), ended, replaced by a newer link or not needed (410), or not found (404).
 */
@Controller
@RequestMapping("/f/{token}")
class ParticipantFormController {

    static final String FORM = "participant/form";
    static final String MESSAGE = "participant/message";
    /** The "one moment" page reloads itself after this many seconds. */
    static final int RETRY_SECONDS = 3;

    private final ShowForm showForm;
    private final SubmitFeedback submitFeedback;
    private final QualityFrameworks frameworks;
    private final TokenAttempts tokenAttempts;
    private final ReadFormSettings readFormSettings;
    private final ParticipantLanguage language;

    ParticipantFormController(ShowForm showForm, SubmitFeedback submitFeedback, QualityFrameworks frameworks,
            TokenAttempts tokenAttempts, ReadFormSettings readFormSettings, ParticipantLanguage language) {
        this.showForm = showForm;
        this.submitFeedback = submitFeedback;
        this.frameworks = frameworks;
        this.tokenAttempts = tokenAttempts;
        this.readFormSettings = readFormSettings;
        this.language = language;
    }

    @GetMapping
    String show(@PathVariable String token, @RequestParam(required = false) String mode, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<InvitationToken> parsed = parse(token);
        Page page = page(parsed, FormAnswers.KIOSK.equals(mode), request);
        if (parsed.isEmpty()) {
            return message(Reason.UNKNOWN, page, model, response);
        }
        try {
            QualityFramework framework = showForm.show(new ShowForm.Command(parsed.get()));
            model.addAttribute("form", ParticipantForm.of(token, page, framework, Map.of(), List.of(), false));
            return FORM;
        } catch (InvitationUnavailableException unavailable) {
            return message(unavailable.reason(), page, model, response);
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> fields, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        FormAnswers answers = FormAnswers.from(fields);
        Optional<InvitationToken> parsed = parse(token);
        Page page = page(parsed, answers.kiosk(), request);
        if (parsed.isEmpty()) {
            return message(Reason.UNKNOWN, page, model, response);
        }
        if (!answers.problems().isEmpty()) {
            return formAgain(HttpStatus.BAD_REQUEST, token, page, answers, answers.problems(), model, response);
        }
        tokenAttempts.admit(request.getRemoteAddr(), parsed.get());
        try {
            submitFeedback.submit(answers.toCommand(parsed.get(), page.lang()));
            tokenAttempts.redeemed(request.getRemoteAddr());
        } catch (InvalidAnswersException invalid) {
            return formAgain(HttpStatus.BAD_REQUEST, token, page, answers, invalid.answers(), model, response);
        } catch (InvitationUnavailableException unavailable) {
            if (unavailable.reason() == Reason.NOT_YET_KNOWN) {
                // A reload cannot send a POST again, so the answers stay in the form: one press sends them.
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
                return formAgain(HttpStatus.SERVICE_UNAVAILABLE, token, page, answers, List.of(), model, response);
            }
            return message(unavailable.reason(), page, model, response);
        }
        model.addAttribute("page", page);
        model.addAttribute("kind", page.kiosk() ? "thanksKiosk" : "thanks");
        return MESSAGE;
    }

    /**
     * The page in the language chosen among those the link's agency offers, with its crisis line; a link of no
     * known agency gets the defaults.
     */
    private Page page(Optional<InvitationToken> token, boolean kiosk, HttpServletRequest request) {
        FormSettings settings = token.map(known -> readFormSettings.read(new ReadFormSettings.Command(known)))
                .orElse(FormSettings.DEFAULTS);
        List<String> offered = settings.offeredAmong(ParticipantLanguage.SPOKEN);
        String lang = language.choose(request, offered);
        return new Page(lang, kiosk, offered, settings.crisisLine(lang));
    }

    private String formAgain(HttpStatus status, String token, Page page, FormAnswers answers,
            List<InvalidAnswer> problems, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("form", ParticipantForm.of(token, page, formOf(token, answers), answers.raw(), problems,
                status == HttpStatus.SERVICE_UNAVAILABLE));
        return FORM;
    }

    /**
     * The form shown again: the invitation's own, with only the items it asks; while the invitation is not known
     * (yet), the framework the form was shown under.
     */
    private QualityFramework formOf(String token, FormAnswers answers) {
        Optional<InvitationToken> parsed = parse(token);
        if (parsed.isPresent()) {
            try {
                return showForm.show(new ShowForm.Command(parsed.get()));
            } catch (InvitationUnavailableException unavailable) {
                // Not known yet (or no longer open): the questions as they were shown.
            }
        }
        return frameworkOf(answers);
    }

    /** The framework the form was shown under (its hidden field); the default one if that names none. */
    private QualityFramework frameworkOf(FormAnswers answers) {
        String named = answers.framework() == null ? "" : answers.framework();
        int at = named.lastIndexOf('@');
        Optional<QualityFramework> shown = Optional.empty();
        if (at > 0 && named.substring(at + 1).matches("^[0-9]{1,6}$")) {
            shown = frameworks.find(new FrameworkRef(named.substring(0, at),
                    Integer.parseInt(named.substring(at + 1))));
        }
        return shown.orElseGet(() -> frameworks.latest(Frameworks.PEER_CORE_V1.id()).orElseThrow());
    }

    private static String message(Reason reason, Page page, Model model, HttpServletResponse response) {
        HttpStatus status = switch (reason) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case NOT_YET_KNOWN -> HttpStatus.SERVICE_UNAVAILABLE;
            case ALREADY_USED -> HttpStatus.CONFLICT;
            case VOIDED, EXPIRED, REPLACED, NOT_NEEDED -> HttpStatus.GONE;
        };
        String kind = switch (reason) {
            case UNKNOWN -> "notFound";
            case NOT_YET_KNOWN -> "wait";
            case ALREADY_USED -> "answered";
            case VOIDED, EXPIRED -> "ended";
            case REPLACED -> "replaced";
            case NOT_NEEDED -> "notNeeded";
        };
        if (reason == Reason.NOT_YET_KNOWN) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
            model.addAttribute("refreshSeconds", RETRY_SECONDS);
        }
        response.setStatus(status.value());
        model.addAttribute("page", page);
        model.addAttribute("kind", kind);
        return MESSAGE;
    }

    private static Optional<InvitationToken> parse(String token) {
        try {
            return Optional.of(InvitationToken.of(token));
        } catch (IllegalArgumentException notAToken) {
            return Optional.empty();
        }
    }
}
