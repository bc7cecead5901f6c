package org.peerpulse.session.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.session.domain.Session;

/**
 * A specialist's report of a session, for the caller's agency. {@code participantRef} is the agency's own
 * reference; it is pseudonymised before anything is stored and never leaves this command.
 * {@code idempotencyKey} is the client's retry key, or {@code null}. {@code specialistId} may be left out by a
 * specialist (it is theirs); a quality lead names the specialist they log for.
 */
public record LogSessionCommand(
        String agencyId,
        Session.Actor actor,
        String programId,
        String specialistId,
        String participantRef,
        Instant occurredAt,
        int durationMinutes,
        Channel channel,
        Activity activity,
        List<FocusArea> focusAreas,
        List<String> strengthsNoted,
        List<String> valuesPracticed,
        int attendees,
        String idempotencyKey) {

    public LogSessionCommand {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(participantRef, "participantRef");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(activity, "activity");
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
        strengthsNoted = strengthsNoted == null ? List.of() : List.copyOf(strengthsNoted);
        valuesPracticed = valuesPracticed == null ? List.of() : List.copyOf(valuesPracticed);
    }

    @Override
    public String toString() {
        return "LogSessionCommand[agencyId=" + agencyId + ", programId=" + programId + ", specialistId="
                + specialistId + "]";
    }
}
