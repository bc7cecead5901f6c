package org.peerpulse.session.config;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.peerpulse.contracts.Channel;

/**
 * The business meters of session-service: sessions logged (by channel), sessions voided and invitations
 * issued. Tags come from closed enums only, never an agency, program, specialist or session, and every
 * channel is registered up front so that a scrape shows zeros before the first session.
 */
final class SessionMeters {

    private final Map<Channel, Counter> logged = new EnumMap<>(Channel.class);
    private final Counter voided;
    private final Counter invitationsIssued;

    SessionMeters(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            logged.put(channel, Counter.builder("peerpulse.sessions.logged")
                    .description("Sessions stored (a replayed retry key is not a second session)")
                    .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        voided = Counter.builder("peerpulse.sessions.voided")
                .description("Sessions voided (a void that lost a race changed nothing and is not counted)")
                .register(registry);
        invitationsIssued = Counter.builder("peerpulse.invitations.issued")
                .description("Feedback links issued: one per attendee of every stored session, and each fresh one")
                .register(registry);
    }

    void sessionLogged(Channel channel, int invitations) {
        logged.get(channel).increment();
        invitationsIssued.increment(invitations);
    }

    void invitationsReissued(int invitations) {
        invitationsIssued.increment(invitations);
    }

    void sessionVoided() {
        voided.increment();
    }
}
