package org.peerpulse.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.peerpulse.platform.security.NoAgencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The last word on errors: Spring MVC's own exceptions become problem details with the invalid fields
 * listed, and anything unexpected is a plain 500 whose detail reveals nothing. A service's own advice for
 * its domain exceptions runs first ({@code @Order(Ordered.HIGHEST_PRECEDENCE)} there).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), message(error)))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        fields = fields.isEmpty()
                ? ex.getBindingResult().getGlobalErrors().stream()
                        .map(error -> new InvalidField(error.getObjectName(), error.getDefaultMessage())).toList()
                : fields;
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some fields are missing or not valid: " + names(fields) + ".", fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some parameters are not valid: " + names(fields) + ".", fields);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The most specific cause can be what Jackson wrapped (a DateTimeParseException for a bad instant),
        // which no longer knows the field: look for Jackson's own exception down the chain.
        Throwable cause = ex.getMostSpecificCause();
        for (Throwable link = ex.getCause(); link != null; link = link.getCause()) {
            if (link instanceof DatabindException) {
                cause = link;
                break;
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Unknown field: " + field + ".",
                    List.of(new InvalidField(field, "is not a known field")));
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = path(databind);
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Field " + field + " has the wrong type or format.",
                    List.of(new InvalidField(field, "has the wrong type or format")));
        }
        String detail = cause instanceof JacksonException
                ? "The request body is not valid JSON."
                : "The request body is missing or cannot be read.";
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Parameter " + ex.getName() + " is not valid.",
                List.of(new InvalidField(ex.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(NoAgencyException.class)
    ResponseEntity<Object> noAgency(NoAgencyException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        // The exception class only: messages can carry request content.
        log.error("Unexpected {} while handling a request", ex.getClass().getName());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Nothing was changed; please try again.", List.of());
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        return ResponseEntity.status(statusCode).headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<InvalidField> fields) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title, detail, fields));
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static String names(List<InvalidField> fields) {
        return fields.stream().map(InvalidField::field).distinct().collect(Collectors.joining(", "));
    }

    private static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        ex.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}
