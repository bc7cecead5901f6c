package org.peerpulse.feedback.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.peerpulse.contracts.Frameworks;

/** Small building blocks shared by the domain and use-case tests. */
public final class Fixtures {

    public static final Instant SESSION_AT = Instant.parse("2026-11-20T14:30:00Z");
    public static final Instant EXPIRES_AT = Instant.parse("2026-11-27T15:04:05Z");
    public static final Instant BEFORE_EXPIRY = Instant.parse("2026-11-21T10:00:00Z");
    public static final String TOKEN = "AZrB2JYsAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCde";

    private Fixtures() {
    }

    public static InvitedSession session() {
        return new InvitedSession("harbor", "session-1", "warmline", "sp-rivera", SESSION_AT,
                List.of("KINDNESS"));
    }

    public static Invitation openInvitation() {
        return Invitation.issued(InvitationToken.of(TOKEN).hash(), session(), Frameworks.PEER_CORE_V1.ref(),
                EXPIRES_AT);
    }

    public static Answers answers() {
        return Answers.forFramework(Frameworks.PEER_CORE_V1, Map.of("KINDNESS", 5, "NO_STIGMA", 4), 4,
                new HarmAnswer(false, null), "They listened to me.", "es", FormMode.KIOSK);
    }
}
