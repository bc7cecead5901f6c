package org.peerpulse.session.web;

import java.util.List;

import org.peerpulse.session.domain.SessionPage;

/** One page of sessions, newest first, and how many match in all. */
record SessionListResponse(List<SessionResponse> items, int page, int size, long totalItems) {

    static SessionListResponse of(SessionPage found, int page, int size) {
        return new SessionListResponse(found.items().stream().map(SessionResponse::of).toList(), page, size,
                found.totalItems());
    }
}
