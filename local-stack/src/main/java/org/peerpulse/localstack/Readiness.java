package org.peerpulse.localstack;

import java.net.URI;

/** How the launcher tells that a child is ready to serve. */
public sealed interface Readiness {

    /** The child writes this line (for example {@code READY kafka 127.0.0.1:9092}) to its output. */
    record OutputLine(String line) implements Readiness {
    }

    /** The child answers {@code 200} at this address, typically {@code /actuator/health/readiness}. */
    record HttpOk(URI uri) implements Readiness {
    }
}
