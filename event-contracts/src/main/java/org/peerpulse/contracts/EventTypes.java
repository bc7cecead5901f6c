package org.peerpulse.contracts;

import java.util.Map;
import java.util.Optional;

/**
 * CloudEvents {@code ce_type} values. The wire never names a Java class: a consumer picks the record
 * type from this header.
 */
public final class EventTypes {

    public static final String SESSION_LOGGED = "org.peerpulse.session.logged.v2";
    public static final String SESSION_VOIDED = "org.peerpulse.session.voided.v2";
    public static final String INVITATIONS_REISSUED = "org.peerpulse.session.invitations-reissued.v1";
    public static final String FEEDBACK_SUBMITTED = "org.peerpulse.feedback.submitted.v1";
    public static final String FEEDBACK_WITHDRAWN = "org.peerpulse.feedback.withdrawn.v1";
    public static final String AGENCY_SETTINGS_CHANGED = "org.peerpulse.agency.settings-changed.v1";

    private static final Map<String, Class<? extends PeerPulseEvent>> BY_TYPE = Map.of(
            SESSION_LOGGED, SessionLogged.class,
            SESSION_VOIDED, SessionVoided.class,
            FEEDBACK_SUBMITTED, FeedbackSubmitted.class,
            FEEDBACK_WITHDRAWN, FeedbackWithdrawn.class,
            INVITATIONS_REISSUED, InvitationsReissued.class,
            AGENCY_SETTINGS_CHANGED, AgencySettingsChanged.class);

    private EventTypes() {
    }

    public static Optional<Class<? extends PeerPulseEvent>> recordFor(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    public static String typeOf(PeerPulseEvent event) {
        return BY_TYPE.entrySet().stream()
                .filter(entry -> entry.getValue().equals(event.getClass()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a contract event: " + event.getClass()));
    }
}
