package org.peerpulse.localstack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in child for launcher tests, using the JDK only: {@code --ready-line TEXT} prints a readiness
 * line, {@code --http PORT} answers 200 on {@code /actuator/health/readiness}, {@code --grandchild}
 * starts one more process below itself, {@code --fail} exits with an error at once.
 */
public final class FakeChild {

    private FakeChild() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--fail")) {
            System.out.println("boom: this child cannot start");
            System.exit(3);
        }
        if (options.contains("--grandchild")) {
            new ProcessBuilder(command(List.of())).inheritIO().start();
        }
        int http = options.indexOf("--http");
        if (http >= 0) {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(options.get(http + 1))), 0);
            server.createContext("/actuator/health/readiness", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }
        int line = options.indexOf("--ready-line");
        if (line >= 0) {
            System.out.println("starting up");
            System.out.println(options.get(line + 1));
        }
        new CountDownLatch(1).await();
    }

    static List<String> command(List<String> args) {
        String classes = Path.of(System.getProperty("user.dir"), "target", "test-classes").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classes, FakeChild.class.getName()));
        command.addAll(args);
        return command;
    }
}
