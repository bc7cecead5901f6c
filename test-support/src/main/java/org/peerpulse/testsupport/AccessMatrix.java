package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, for every endpoint of every service, from one table ({@code access-matrix.txt} beside
 * this class): each line is an endpoint, each column a kind of caller (a role, of the resource's own
 * agency or of another, or with no agency or no token at all), each cell the status that caller must get.
 * A service's test asks for its own {@link #cases(String)} and runs each as a real HTTP call against itself,
 * with a {@link Fixtures} that makes the resources a path names (fresh for every call, so a void or an
 * acknowledgement by one caller never changes what the next one gets).
 */
public final class AccessMatrix {

    /** The agency that owns every resource a path names; unique per run, so shared stores stay apart. */
    public static final String HOME = "home-" + UUID.randomUUID().toString().substring(0, 8);
    /** The agency of {@code otherlead} and {@code otherpeer}. */
    public static final String OTHER = "other-" + UUID.randomUUID().toString().substring(0, 8);

    /** The specialist ids of the three specialist callers (token subject and {@code specialist} claim). */
    public static final String PEER = "peer-ana";
    public static final String COLLEAGUE = "peer-ben";
    public static final String OTHER_PEER = "peer-dev";

    private static final List<String> CALLERS = List.of("nobody", "ops", "lead", "peer", "colleague", "otherlead",
            "otherpeer", "noagency");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AccessMatrix() {
    }

    /** Makes what a line names: a fresh resource of {@link #HOME} for a path placeholder, a request body. */
    public interface Fixtures {

        /** The value of {@code {name}} in a path, for a call by {@code caller}. */
        String placeholder(String name, String caller);

        /** The JSON body called {@code name} in the table. */
        default String body(String name, String caller) {
            throw new IllegalArgumentException("no body called " + name);
        }
    }

    /** What a call got back. */
    public record Answer(int status, String contentType, String body) {
    }

    /** One line of the table for one caller. */
    public record Case(String service, String method, String path, String body, String caller, int status) {

        /** Makes the call against the service on {@code 127.0.0.1:port}. */
        public Answer call(int port, Fixtures fixtures) {
            Matcher names = PLACEHOLDER.matcher(path);
            Map<String, String> values = new HashMap<>();
            StringBuilder resolved = new StringBuilder();
            while (names.find()) {
                String value = values.computeIfAbsent(names.group(1), name -> fixtures.placeholder(name, caller));
                names.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            names.appendTail(resolved);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + resolved))
                    .timeout(Duration.ofSeconds(30));
            if (body.equals("-")) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                // A body whose name ends in "-form" is a browser's form post; every other one is JSON.
                request.header("Content-Type", body.endsWith("-form") ? "application/x-www-form-urlencoded"
                        : "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(fixtures.body(body, caller)));
            }
            String token = token(caller);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * The caller got the status of the table; a refusal is a problem document; a caller of another agency
         * who is answered never sees the home agency in the answer.
         */
        public void verify(Answer answer) {
            if (answer.status() != status) {
                throw new AssertionError(this + " but got " + answer.status() + ": " + abbreviated(answer.body()));
            }
            boolean api = path.startsWith("/api/");
            if (api && status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                throw new AssertionError(this + " answered " + answer.contentType() + ", not a problem document");
            }
            if (caller.startsWith("other") && status < 300 && answer.body().contains(HOME)) {
                throw new AssertionError(this + " let another agency see the home agency: " + abbreviated(answer.body()));
            }
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + caller + " -> " + status;
        }

        private static String abbreviated(String body) {
            return body.length() <= 300 ? body : body.substring(0, 300) + "...";
        }
    }

    /** Every case of {@code service}'s lines, one per caller. */
    public static Stream<Case> cases(String service) {
        List<Case> cases = new ArrayList<>();
        for (String line : lines()) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length != 4 + CALLERS.size()) {
                throw new IllegalStateException("access matrix line has " + cells.length + " cells: " + line);
            }
            if (!cells[0].equals(service)) {
                continue;
            }
            for (int i = 0; i < CALLERS.size(); i++) {
                cases.add(new Case(cells[0], cells[1], cells[2], cells[3], CALLERS.get(i),
                        Integer.parseInt(cells[4 + i])));
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("the access matrix has no line for " + service);
        }
        return cases.stream();
    }

    /**
     * Fails unless the table has a line for every endpoint the service serves, given as
     * {@code "METHOD /path/{variable}"} ({@code "ANY /path"} for a mapping that takes every method); the
     * names of path variables do not matter. A new endpoint cannot ship without its line.
     */
    public static void coversEvery(String service, Collection<String> endpoints) {
        Set<String> listed = new TreeSet<>();
        Set<String> listedPaths = new TreeSet<>();
        for (String line : lines()) {
            String[] cells = line.trim().split("\\s+");
            if (cells[0].equals(service)) {
                String path = normalised(cells[2]);
                listed.add(cells[1] + " " + path);
                listedPaths.add(path);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            String path = normalised(parts[1]);
            boolean found = parts[0].equals("ANY") ? listedPaths.contains(path) : listed.contains(parts[0] + " " + path);
            if (!found) {
                missing.add(endpoint);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("the access matrix has no line for " + service + " " + missing);
        }
    }

    /**
     * Every endpoint the application's controllers serve, as {@link #coversEvery} takes them; Boot's own
     * {@code /error} is left out (it answers for the others) and the actuator has its own list
     * ({@link ActuatorExposure}).
     */
    public static List<String> endpointsOf(RequestMappingHandlerMapping controllers) {
        List<String> endpoints = new ArrayList<>();
        controllers.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (path.equals("/error")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + path);
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + path));
            }
        });
        return endpoints;
    }

    private static String normalised(String path) {
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).replaceAll("\\{[^}]*}", "{}");
    }

    /** A valid token for {@code caller}, {@code null} for {@code nobody}. */
    public static String token(String caller) {
        Map<String, Object> claims = switch (caller) {
            case "nobody" -> null;
            case "ops" -> Map.of("sub", "ops-on-call", "roles", List.of("ops"));
            case "lead" -> Map.of("sub", "lead-lena", "agency", HOME, "roles", List.of("quality_lead"));
            case "peer" -> specialist(PEER, HOME);
            case "colleague" -> specialist(COLLEAGUE, HOME);
            case "otherlead" -> Map.of("sub", "lead-sam", "agency", OTHER, "roles", List.of("quality_lead"));
            case "otherpeer" -> specialist(OTHER_PEER, OTHER);
            case "noagency" -> Map.of("sub", "lead-nowhere", "roles", List.of("quality_lead"));
            default -> throw new IllegalArgumentException("unknown caller " + caller);
        };
        return claims == null ? null : TestIssuer.shared().token(claims, Duration.ofMinutes(10));
    }

    /** The agency of {@code caller}'s token, {@code null} for callers without one. */
    public static String agencyOf(String caller) {
        return switch (caller) {
            case "lead", "peer", "colleague" -> HOME;
            case "otherlead", "otherpeer" -> OTHER;
            default -> null;
        };
    }

    private static Map<String, Object> specialist(String id, String agency) {
        return Map.of("sub", id, "specialist", id, "agency", agency, "roles", List.of("specialist"));
    }

    private static List<String> lines() {
        try (InputStream in = Objects.requireNonNull(AccessMatrix.class.getResourceAsStream("access-matrix.txt"),
                "access-matrix.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
