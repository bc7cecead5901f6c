package org.peerpulse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The loopback ports of the stack. */
public record Ports(int kafka, int kafkaController, int mongo, int auth, int session, int feedback, int metrics) {

    public static Ports defaults() {
        return new Ports(9092, 9093, 27017, 9000, 8081, 8082, 8083);
    }

    /**
     * The defaults, each replaceable by an environment variable ({@code PEERPULSE_KAFKA_PORT},
     * {@code PEERPULSE_KAFKA_CONTROLLER_PORT}, {@code PEERPULSE_MONGO_PORT}, {@code PEERPULSE_AUTH_PORT},
     * {@code PEERPULSE_SESSION_PORT}, {@code PEERPULSE_FEEDBACK_PORT}, {@code PEERPULSE_METRICS_PORT}).
     */
    public static Ports fromEnvironment(Map<String, String> env) {
        Ports d = defaults();
        return new Ports(
                port(env, "PEERPULSE_KAFKA_PORT", d.kafka),
                port(env, "PEERPULSE_KAFKA_CONTROLLER_PORT", d.kafkaController),
                port(env, "PEERPULSE_MONGO_PORT", d.mongo),
                port(env, "PEERPULSE_AUTH_PORT", d.auth),
                port(env, "PEERPULSE_SESSION_PORT", d.session),
                port(env, "PEERPULSE_FEEDBACK_PORT", d.feedback),
                port(env, "PEERPULSE_METRICS_PORT", d.metrics));
    }

    /** Seven ports free on 127.0.0.1 right now, for tests that run beside a developer's own stack. */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            IntSupplier next = () -> {
                try {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    held.add(socket);
                    return socket.getLocalPort();
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            return new Ports(next.getAsInt(), next.getAsInt(), next.getAsInt(), next.getAsInt(),
                    next.getAsInt(), next.getAsInt(), next.getAsInt());
        }
        finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // The port is released either way.
                }
            });
        }
    }

    static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        }
        catch (IOException e) {
            return true;
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number");
        }
    }
}
