package org.peerpulse.indicators.learning.web;

import java.util.List;

import org.peerpulse.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused learning view is 403 with the reason, since the reasons differ in what the caller can do about
 * them: a quality lead reads the dashboards instead, a specialist's token needs their specialist id.
 */
@RestControllerAdvice(assignableTypes = LearningController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LearningProblems {

    @ExceptionHandler(NoLearningView.class)
    ResponseEntity<ProblemDetail> refused(NoLearningView e) {
        return Problems.respond(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
    }
}
