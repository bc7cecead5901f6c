package org.peerpulse.indicators.dashboards.web;

import java.util.List;

import org.peerpulse.indicators.dashboards.domain.InvalidDashboardRequest;
import org.peerpulse.indicators.dashboards.domain.ScopeNotFound;
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
// By package, so that the dashboards do not depend on the export slice, which depends on them.
@RestControllerAdvice(basePackages = { "org.peerpulse.indicators.dashboards.web", "org.peerpulse.indicators.export.web" })
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
