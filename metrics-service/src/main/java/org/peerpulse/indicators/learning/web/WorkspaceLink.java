package org.peerpulse.indicators.learning.web;

import java.net.URI;
import java.util.Objects;

/** Where the learning page sends a specialist back to: their workspace on session-service. */
public record WorkspaceLink(URI url) {

    public WorkspaceLink {
        Objects.requireNonNull(url, "url");
    }
}
