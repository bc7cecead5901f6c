package org.peerpulse.faults;

import java.util.Map;

/**
 * The services every scenario shares: one session-service, one feedback-service and one metrics-service per
 * JVM, started on first use and closed when the JVM ends. A scenario that must break or restart a service's
 * consumers starts an instance of its own instead (see {@link RunningService#start}), on a group and database
 * of its own unless it means to join these.
 */
final class Stack {

    static final String SESSIONS_DATABASE = "fault-sessions";
    static final String FEEDBACK_DATABASE = "fault-feedback";
    static final String METRICS_DATABASE = "fault-metrics";
    static final String FEEDBACK_GROUP = "fault-feedback-service";
    static final String METRICS_GROUP = "fault-metrics-service";

    /** Many participants answer from one address here (the test): the per-address token limit is for the wild. */
    static final Map<String, String> FEEDBACK_SETTINGS = Map.of("peerpulse.feedback.token-attempts-per-minute",
            "100000");

    private static RunningService sessions;
    private static RunningService feedback;
    private static RunningService metrics;

    private Stack() {
    }

    static synchronized RunningService sessions() {
        if (sessions == null) {
            sessions = started(RunningService.start(Service.SESSION, SESSIONS_DATABASE, null, Map.of()));
        }
        return sessions;
    }

    static synchronized RunningService feedback() {
        if (feedback == null) {
            feedback = started(RunningService.start(Service.FEEDBACK, FEEDBACK_DATABASE, FEEDBACK_GROUP,
                    FEEDBACK_SETTINGS));
        }
        return feedback;
    }

    static synchronized RunningService metrics() {
        if (metrics == null) {
            metrics = started(RunningService.start(Service.METRICS, METRICS_DATABASE, METRICS_GROUP, Map.of()));
        }
        return metrics;
    }

    /** The shared metrics-service, closed (for a scenario that must be its group's only member), or none. */
    static synchronized void closeMetrics() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }

    /** All three, started. */
    static Api api() {
        return new Api(sessions(), feedback(), metrics());
    }

    private static RunningService started(RunningService service) {
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "fault-stop-" + service.service().artifact()));
        return service;
    }
}
