package org.peerpulse.contracts;

/** Kafka topic names. Records are keyed by agency id so that an agency's events keep their order. */
public final class Topics {

    public static final String SESSIONS = "peerpulse.sessions.v1";
    public static final String FEEDBACK = "peerpulse.feedback.v1";
    /** Compacted: the latest {@link AgencySettingsChanged} of each agency is what its settings are. */
    public static final String AGENCIES = "peerpulse.agencies.v1";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + "-dlt";
    }
}
