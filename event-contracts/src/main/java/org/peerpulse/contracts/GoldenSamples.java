package org.peerpulse.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The golden JSON samples and the records they stand for. Producer tests check that they write exactly
 * this JSON; consumer tests check that they read it back into exactly these records.
 */
public final class GoldenSamples {

    private static final SessionLogged.InvitationIssued FIRST_INVITATION = new SessionLogged.InvitationIssued(
            "3b7e0d6c5a4f39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0",
            Instant.parse("2026-11-27T15:04:05.123Z"));

    /** A session with two attendees, so two links. */
    public static final SessionLogged SESSION_LOGGED = new SessionLogged(
            UUID.fromString("019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d10"),
            Instant.parse("2026-11-20T15:04:05.123Z"),
            "harbor",
            "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11",
            "warmline",
            "sp-rivera",
            Instant.parse("2026-11-20T14:30:00Z"),
            45,
            Channel.PHONE,
            Activity.PEER_SUPPORT,
            List.of(FocusArea.RECOVERY_GOALS, FocusArea.HOUSING),
            true,
            List.of("EMPATHY", "KINDNESS"),
            new FrameworkRef("peer-core-v1", 1),
            FIRST_INVITATION,
            List.of(FIRST_INVITATION, new SessionLogged.InvitationIssued(
                    "9c4d2e1f0a7b68594a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
                    Instant.parse("2026-11-27T15:04:05.123Z"))));

    public static final SessionVoided SESSION_VOIDED = new SessionVoided(
            UUID.fromString("019ac1e2-9d10-7a2b-8c3d-4e5f60718293"),
            Instant.parse("2026-11-21T09:00:00Z"),
            "harbor",
            "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11",
            "warmline",
            "sp-rivera",
            Instant.parse("2026-11-20T14:30:00Z"),
            SESSION_LOGGED.contribution());

    /** The session's second link, lost by its participant, replaced. */
    public static final InvitationsReissued INVITATIONS_REISSUED = new InvitationsReissued(
            UUID.fromString("019ac1e2-8b01-7c22-9d33-4e4f5a6b7c8d"),
            Instant.parse("2026-11-20T15:30:00Z"),
            "harbor",
            "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11",
            "warmline",
            "sp-rivera",
            Instant.parse("2026-11-20T14:30:00Z"),
            new FrameworkRef("peer-core-v1", 1),
            List.of(new InvitationsReissued.Replacement(
                    "9c4d2e1f0a7b68594a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
                    "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
                    Instant.parse("2026-11-27T15:30:00Z"))));

    public static final FeedbackSubmitted FEEDBACK_SUBMITTED = new FeedbackSubmitted(
            UUID.fromString("019ac1e3-0a1b-7c2d-9e3f-405162738495"),
            Instant.parse("2026-11-20T16:10:00Z"),
            "harbor",
            "019ac1e2-7c4a-7d3e-9a51-3f0c2b6e8d11",
            "warmline",
            "sp-rivera",
            Instant.parse("2026-11-20T14:30:00Z"),
            new FrameworkRef("peer-core-v1", 1),
            Map.of("KINDNESS", 5, "EMPATHY", 4, "SAFE_ATMOSPHERE", 5, "NO_STIGMA", 3),
            4,
            false,
            "es",
            "OWN_DEVICE",
            List.of("EMPATHY", "KINDNESS"),
            List.of("KINDNESS", "EMPATHY", "CAUTION", "COURAGE", "SAFE_ATMOSPHERE", "RECOVERY_FOCUS", "GENUINE_ROLE",
                    "NO_STIGMA", "STRENGTH_BASED"));

    /** The answer above taken back because its session was voided. */
    public static final FeedbackWithdrawn FEEDBACK_WITHDRAWN = FeedbackWithdrawn.of(FEEDBACK_SUBMITTED,
            FeedbackWithdrawn.SESSION_VOIDED, UUID.fromString("019ac1e3-4b5c-7d6e-8f70-8192a3b4c5d6"),
            Instant.parse("2026-11-21T09:00:01Z"));

    /** Harbor after its quality lead set a time zone, a floor and Spanish crisis text. */
    public static final AgencySettingsChanged AGENCY_SETTINGS_CHANGED = new AgencySettingsChanged(
            UUID.fromString("019ac1e1-1a2b-7c3d-8e4f-5a6b7c8d9e0f"),
            Instant.parse("2026-11-19T10:00:00Z"),
            "harbor",
            3,
            List.of(new AgencySettingsChanged.Program("warmline", "Warm line", true),
                    new AgencySettingsChanged.Program("drop-in", "Drop-in center", false)),
            List.of(new AgencySettingsChanged.Specialist("sp-rivera", "Ana Rivera", true, List.of("warmline")),
                    new AgencySettingsChanged.Specialist("sp-carter", "Ben Carter", false, List.of())),
            new AgencySettingsChanged.Settings("America/New_York", 5, 11, 60.0, null, List.of("drop-in"),
                    Map.of("en", "If you are in crisis, call or text 988 (US).",
                            "es", "Si estás en crisis, llama o envía un mensaje de texto al 988 (EE. UU.)."),
                    List.of("en", "es"), 8, "https://hooks.harbor.example/peerpulse",
                    new AgencySettingsChanged.Retention(2555, 2555, 365, 2555)));

    private static final Map<Class<? extends PeerPulseEvent>, String> FILES = Map.of(
            SessionLogged.class, "session-logged.json",
            SessionVoided.class, "session-voided.json",
            InvitationsReissued.class, "invitations-reissued.json",
            FeedbackSubmitted.class, "feedback-submitted.json",
            FeedbackWithdrawn.class, "feedback-withdrawn.json",
            AgencySettingsChanged.class, "agency-settings-changed.json");

    private GoldenSamples() {
    }

    public static List<PeerPulseEvent> all() {
        return List.of(SESSION_LOGGED, SESSION_VOIDED, INVITATIONS_REISSUED, FEEDBACK_SUBMITTED, FEEDBACK_WITHDRAWN,
                AGENCY_SETTINGS_CHANGED);
    }

    /** The golden JSON for a contract record type. */
    public static String json(Class<? extends PeerPulseEvent> type) {
        String file = FILES.get(type);
        try (InputStream in = GoldenSamples.class.getResourceAsStream("golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing golden sample " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
