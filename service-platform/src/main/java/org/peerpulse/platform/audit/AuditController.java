package org.peerpulse.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.peerpulse.platform.security.Caller;
import org.peerpulse.platform.web.InvalidField;
import org.peerpulse.platform.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of the caller's own agency, for quality leads, newest first. {@code from} and {@code to}
 * are ISO dates (whole UTC days, both inclusive) or instants ({@code to} exclusive). Reading the trail is
 * itself recorded. Records are written in batches off the request thread, so a request shows here up to
 * {@code peerpulse.audit.flush-interval} (100 ms) after it was answered.
 */
@RestController
class AuditController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_OFFSET = 10_000;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_.]{0,63}");

    private final MongoAuditTrail store;

    AuditController(MongoAuditTrail store) {
        this.store = store;
    }

    @GetMapping(path = "/api/v1/audit", produces = "application/json")
    @Audited("audit.read")
    ResponseEntity<?> read(Caller caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String action,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        if (!caller.hasRole(Caller.QUALITY_LEAD)) {
            throw new AccessDeniedException("quality leads only");
        }
        Instant start;
        Instant end;
        int pageNumber;
        int pageSize;
        try {
            start = instant(from, false, "from");
            end = instant(to, true, "to");
            pageSize = number(size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, "size");
            pageNumber = number(page, 0, 0, MAX_OFFSET / pageSize, "page");
            if (action != null && !ACTION.matcher(action).matches()) {
                throw new InvalidParameter("action", "must be an action name such as dashboard.view");
            }
            if (start != null && end != null && !start.isBefore(end)) {
                throw new InvalidParameter("to", "must be after from");
            }
        } catch (InvalidParameter e) {
            return Problems.respond(HttpStatus.BAD_REQUEST, "Invalid request",
                    "Parameter " + e.name + " is not valid.", List.of(new InvalidField(e.name, e.getMessage())));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(store.find(caller.agencyId(), start, end, action, pageNumber, pageSize));
    }

    private static Instant instant(String value, boolean end, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be an ISO date (2026-11-27) or instant (2026-11-27T10:00:00Z)");
        }
    }

    private static int number(String value, int fallback, int min, int max, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(name, "must be a whole number from " + min + " to " + max);
    }

    private static final class InvalidParameter extends RuntimeException {

        private final String name;

        InvalidParameter(String name, String message) {
            super(message, null, false, false);
            this.name = name;
        }
    }
}
