package org.peerpulse.session.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.peerpulse.session.domain.Session;

/** The body of {@code POST /api/v1/sessions/{sessionId}/void}; the reason is never printed. */
record VoidSessionRequest(
        @NotBlank(message = "must be 1-500 characters")
        @Size(max = Session.MAX_VOID_REASON_LENGTH, message = "must be 1-500 characters") String reason) {

    @Override
    public String toString() {
        return "VoidSessionRequest[]";
    }
}
