package org.peerpulse.indicators.flow;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An agency's webhook receiver, really listening on 127.0.0.1 (the JDK's own HTTP server): it keeps every
 * request to each path (headers and body as they arrived) and answers with the statuses scripted for that path,
 * then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived: its path, its headers (lower-case names, first value) and its body. */
    record Received(String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("POST ").append(path).append('\n');
            headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
            return text.append('\n').append(body).toString();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** {@code path} answers these statuses to its next requests, in order, then 200 again. */
    void answer(String path, Integer... statuses) {
        scripts.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, headers, body));
        Deque<Integer> script = scripts.get(path);
        Integer scripted = script == null ? null : script.poll();
        exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
