package org.peerpulse.session.web;

import java.net.URI;

/** Builds the participant's link to the feedback form from the public base URL of feedback-service. */
public record FeedbackLinks(URI baseUrl) {

    public String linkFor(String token) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + "f/" + token;
    }
}
