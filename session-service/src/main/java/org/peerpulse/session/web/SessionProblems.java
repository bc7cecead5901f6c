package org.peerpulse.session.web;

import java.util.List;

import org.peerpulse.platform.web.InvalidField;
import org.peerpulse.platform.web.Problems;
import org.peerpulse.session.domain.AttributionRefusedException;
import org.peerpulse.session.domain.DirectoryRefusedException;
import org.peerpulse.session.domain.IdempotencyKeyReusedException;
import org.peerpulse.session.domain.InvalidSessionException;
import org.peerpulse.session.domain.InvitationsReplacedException;
import org.peerpulse.session.domain.NotInDirectoryException;
import org.peerpulse.session.domain.SessionAlreadyVoidedException;
import org.peerpulse.session.domain.SessionNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** session-service's own rule violations as problem details; the platform handles the rest. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblems {

    @ExceptionHandler(InvalidSessionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSessionException ex) {
        return Problems.respond(HttpStatus.BAD_REQUEST, "Invalid request", "Field " + ex.field() + " is not valid.",
                List.of(new InvalidField(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(SessionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(SessionNotFoundException ex) {
        return Problems.respond(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), List.of());
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException ex) {
        return Problems.respond(HttpStatus.BAD_REQUEST, "Invalid request",
                "Parameter " + ex.parameter() + " is not valid.",
                List.of(new InvalidField(ex.parameter(), ex.getMessage())));
    }

    @ExceptionHandler(AttributionRefusedException.class)
    ResponseEntity<ProblemDetail> notTheirs(AttributionRefusedException ex) {
        return Problems.respond(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), List.of());
    }

    @ExceptionHandler(DirectoryRefusedException.class)
    ResponseEntity<ProblemDetail> refusedByDirectory(DirectoryRefusedException ex) {
        return Problems.respond(HttpStatus.UNPROCESSABLE_CONTENT, "Not accepted by the agency's directory",
                "Field " + ex.field() + " " + ex.getMessage() + ".",
                List.of(new InvalidField(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(NotInDirectoryException.class)
    ResponseEntity<ProblemDetail> notInDirectory(NotInDirectoryException ex) {
        return Problems.respond(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), List.of());
    }

    @ExceptionHandler(InvitationsReplacedException.class)
    ResponseEntity<ProblemDetail> invitationsReplaced(InvitationsReplacedException ex) {
        return Problems.respond(HttpStatus.CONFLICT, "Links replaced", ex.getMessage(), List.of());
    }

    @ExceptionHandler(SessionAlreadyVoidedException.class)
    ResponseEntity<ProblemDetail> alreadyVoided(SessionAlreadyVoidedException ex) {
        return Problems.respond(HttpStatus.CONFLICT, "Already voided", ex.getMessage(), List.of());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
        return Problems.respond(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                ex.getMessage() + " Send a new key for a new session.",
                List.of(new InvalidField("Idempotency-Key", "was used for a different request")));
    }
}
