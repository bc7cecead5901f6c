package org.peerpulse.indicators.alerts.web;

import java.util.List;

import org.peerpulse.indicators.alerts.domain.AlertNotFound;
import org.peerpulse.indicators.alerts.domain.AlertTransitionRefused;
import org.peerpulse.indicators.alerts.domain.InvalidAlertRequest;
import org.peerpulse.platform.web.InvalidField;
import org.peerpulse.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Alert requests the rules refuse: unknown (or another agency's) alert 404, a move its state forbids 409. */
@RestControllerAdvice(assignableTypes = AlertController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertProblems {

    @ExceptionHandler(AlertNotFound.class)
    ResponseEntity<ProblemDetail> notFound(AlertNotFound e) {
        return Problems.respond(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(AlertTransitionRefused.class)
    ResponseEntity<ProblemDetail> refused(AlertTransitionRefused e) {
        ResponseEntity<ProblemDetail> answer = Problems.respond(HttpStatus.CONFLICT, "Alert state conflict",
                e.getMessage(), List.of());
        answer.getBody().setProperty("state", e.from().label());
        return answer;
    }

    @ExceptionHandler(InvalidAlertRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAlertRequest e) {
        return Problems.respond(HttpStatus.BAD_REQUEST, "Invalid request",
                "Parameter " + e.parameter() + " is not valid.", List.of(new InvalidField(e.parameter(), e.getMessage())));
    }
}
