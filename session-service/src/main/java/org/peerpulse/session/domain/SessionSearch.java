package org.peerpulse.session.domain;

import java.time.LocalDate;

/**
 * Which of an agency's sessions to list, newest first: optionally one program, one specialist (a specialist
 * lists only their own) and a range of session dates (inclusive, UTC), one page at a time.
 */
public record SessionSearch(String agencyId, String programId, String specialistId, LocalDate from, LocalDate to,
        int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public SessionSearch {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidSessionException("to", "must not be before from");
        }
        if (page < 0) {
            throw new InvalidSessionException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidSessionException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    public long skip() {
        return (long) page * size;
    }
}
