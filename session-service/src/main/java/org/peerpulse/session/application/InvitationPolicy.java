package org.peerpulse.session.application;

import java.time.Duration;

/**
 * @param invitationTtl how long a participant may answer
 * @param maxSessionAge how far back a session may be logged
 */
public record InvitationPolicy(Duration invitationTtl, Duration maxSessionAge) {
}
