package org.peerpulse.session.domain;

import java.util.List;

/** One page of a {@link SessionSearch} and how many sessions match in all. */
public record SessionPage(List<Session> items, long totalItems) {

    public SessionPage {
        items = List.copyOf(items);
    }
}
