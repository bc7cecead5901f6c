package org.peerpulse.faults;

/** The three services of the suite: artifact name (as Maven passes it) and main class. */
enum Service {

    SESSION("session-service", "org.peerpulse.session.SessionServiceApplication"),
    FEEDBACK("feedback-service", "org.peerpulse.feedback.FeedbackServiceApplication"),
    METRICS("metrics-service", "org.peerpulse.indicators.MetricsServiceApplication");

    private final String artifact;
    private final String mainClass;
    private ServiceClassLoader loader;

    Service(String artifact, String mainClass) {
        this.artifact = artifact;
        this.mainClass = mainClass;
    }

    String artifact() {
        return artifact;
    }

    String mainClass() {
        return mainClass;
    }

    /** One loader per service for the whole JVM: a second instance of a service runs the same classes. */
    synchronized ServiceClassLoader loader() {
        if (loader == null) {
            loader = ServiceClassLoader.of(artifact);
        }
        return loader;
    }
}
