package org.peerpulse.feedback.web;

import java.util.List;
import org.peerpulse.feedback.domain.InvalidAnswersException;
import org.peerpulse.feedback.domain.InvitationUnavailableException;
import org.peerpulse.feedback.domain.UnknownFrameworkException;
import org.peerpulse.feedback.domain.UnknownHarmReportException;
import org.peerpulse.platform.web.InvalidField;
import org.peerpulse.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The domain's refusals as problem responses, in words a participant understands. Fixed texts only: the
 * token, the comment and every other submitted value stay out. Everything else falls through to the
 * platform's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FeedbackProblems {

    /** Session events usually arrive within a second or two. */
    static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(InvitationUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(InvitationUnavailableException ex) {
        return switch (ex.reason()) {
            case UNKNOWN -> Problems.respond(HttpStatus.NOT_FOUND, "Feedback link not found",
                    "This feedback link is not known. Please check that it was copied completely.", List.of());
            case NOT_YET_KNOWN -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Feedback link not ready yet",
                            "This feedback link is brand new and not ready yet. Nothing was saved; please send"
                                    + " the same answers again in a moment.", List.of()));
            case ALREADY_USED -> Problems.respond(HttpStatus.CONFLICT, "Feedback already given",
                    "Feedback has already been given with this link. Thank you!", List.of());
            case VOIDED -> Problems.respond(HttpStatus.GONE, "Feedback link withdrawn",
                    "This session was withdrawn, so its feedback link no longer works.", List.of());
            case REPLACED -> Problems.respond(HttpStatus.GONE, "Feedback link replaced",
                    "A new feedback link was made in place of this one, so this one no longer works. Please use the"
                            + " newest link you were given.", List.of());
            case NOT_NEEDED -> Problems.respond(HttpStatus.GONE, "Feedback link not needed",
                    "This link was made in place of an earlier one that has already been used, so it does not work."
                            + " Thank you!", List.of());
            case EXPIRED -> Problems.respond(HttpStatus.GONE, "Feedback link expired",
                    "This feedback link has expired.", List.of());
        };
    }

    @ExceptionHandler(TokenAttempts.TooManyTokenAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TokenAttempts.TooManyTokenAttemptsException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
                "Too many different feedback links were tried from this device. Nothing was saved; please wait "
                        + ex.retryAfterSeconds() + " seconds and try again.", List.of());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(InvalidAnswersException.class)
    ResponseEntity<ProblemDetail> invalidAnswers(InvalidAnswersException ex) {
        List<InvalidField> fields = ex.answers().stream()
                .map(answer -> new InvalidField(answer.field(), answer.message()))
                .toList();
        return Problems.respond(HttpStatus.BAD_REQUEST, "Invalid request", "Some answers do not fit this form: "
                + String.join(", ", fields.stream().map(InvalidField::field).toList()) + ".", fields);
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException ex) {
        return Problems.respond(HttpStatus.BAD_REQUEST, "Invalid request",
                "Parameter " + ex.field() + " is not valid.", List.of(new InvalidField(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(UnknownHarmReportException.class)
    ResponseEntity<ProblemDetail> unknownHarmReport(UnknownHarmReportException ex) {
        return Problems.respond(HttpStatus.NOT_FOUND, "Harm report not found",
                "Your agency has no harm report for this alert.", List.of());
    }

    @ExceptionHandler(UnknownFrameworkException.class)
    ResponseEntity<ProblemDetail> unknownFramework(UnknownFrameworkException ex) {
        return Problems.respond(HttpStatus.NOT_FOUND, "Framework not found", "There is no framework with this id.",
                List.of());
    }
}
