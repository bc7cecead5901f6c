package org.peerpulse.indicators.web;

import java.util.List;

import org.peerpulse.indicators.domain.InvalidDashboardRequest;
import org.peerpulse.indicators.domain.ScopeNotFound;
import org.peerpulse.platform.web.InvalidField;
import org.peerpulse.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Dashboard and export requests that have no answer become 400 problems naming the parameter; a program or
 * specialist the caller's agency never had is 404.
 */
@RestControllerAdvice(assignableTypes = { DashboardController.class, ExportController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardProblems {

    @ExceptionHandler(InvalidDashboardRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDashboardRequest e) {
        return Problems.respond(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(),
                List.of(new InvalidField(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(ScopeNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ScopeNotFound e) {
        return Problems.respond(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }
}
