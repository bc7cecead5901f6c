package org.peerpulse.session.web.page;

import java.net.URI;

/** Where the pages of metrics-service are that the workspace links to. */
public record WorkspaceLinks(URI learningUrl, URI dashboardUrl) {
}
