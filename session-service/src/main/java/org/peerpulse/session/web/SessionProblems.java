package org.peerpulse.session.web;

import java.net.URI;
import java.util.List;
import org.peerpulse.platform.web.InvalidField;
import org.peerpulse.session.domain.IdempotencyKeyReusedException;
import org.peerpulse.session.domain.InvalidSessionException;
import org.peerpulse.session.domain.SessionAlreadyVoidedException;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.peerpulse.session.domain.VoidNotAllowedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** session-service's own rule violations as problem details; the platform handles the rest. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblems {

    private static final URI COLLECTION = URI.create("/api/v1/sessions");

    @ExceptionHandler(InvalidSessionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSessionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Field " + ex.field() + " is not valid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new InvalidField(ex.field(), ex.getMessage())));
        return respond(problem);
    }

    @ExceptionHandler(SessionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(SessionNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return respond(problem);
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter " + ex.parameter() + " is not valid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new InvalidField(ex.parameter(), ex.getMessage())));
        // Spring would fill in the request path, which holds the rejected value when it is a path segment.
        problem.setInstance(COLLECTION);
        return respond(problem);
    }

    @ExceptionHandler(VoidNotAllowedException.class)
    ResponseEntity<ProblemDetail> voidNotAllowed(VoidNotAllowedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setTitle("Forbidden");
        return respond(problem);
    }

    @ExceptionHandler(SessionAlreadyVoidedException.class)
    ResponseEntity<ProblemDetail> alreadyVoided(SessionAlreadyVoidedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Already voided");
        return respond(problem);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage()
                + " Send a new key for a new session.");
        problem.setTitle("Idempotency-Key reused");
        problem.setProperty("errors", List.of(new InvalidField("Idempotency-Key", "was used for a different request")));
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
