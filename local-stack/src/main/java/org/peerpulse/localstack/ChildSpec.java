package org.peerpulse.localstack;

import java.util.List;
import java.util.Map;

/**
 * One process of the stack.
 *
 * @param name short name, also the name of its log file
 * @param command the full command line
 * @param environment variables added to the launcher's own environment
 * @param readiness how to tell it is ready
 * @param address what the summary shows for it, e.g. {@code http://127.0.0.1:8081}
 */
public record ChildSpec(
        String name,
        List<String> command,
        Map<String, String> environment,
        Readiness readiness,
        String address) {

    public ChildSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
