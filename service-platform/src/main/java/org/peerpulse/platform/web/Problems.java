package org.peerpulse.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How every PeerPulse problem answer is built, so that services' own handlers look like the platform's. */
public final class Problems {

    private Problems() {
    }

    /** A problem with a title, a fixed detail and, when there are any, the rejected fields (names only). */
    public static ProblemDetail of(HttpStatus status, String title, String detail, List<InvalidField> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
    }

    /** The same, as an {@code application/problem+json} answer. */
    public static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, String detail,
            List<InvalidField> fields) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(status, title, detail, fields));
    }
}
