package org.peerpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document, read as a client generator would: over HTTP, without a token. Every service
 * checks its own with {@link #describesExactly}, so that the document and the service cannot drift apart: an
 * endpoint under {@code /api/v1} missing from the document is as much a failure as an operation in it that
 * no handler answers, or a security requirement the filter chain does not enforce.
 */
public final class ApiDocument {

    /** Where springdoc serves the document. */
    public static final String PATH = "/v3/api-docs";
    /** What the document covers; pages and the actuator are not part of the API. */
    public static final String API_PREFIX = "/api/v1/";
    /** The name of the bearer-token security scheme in the document's components. */
    public static final String BEARER_JWT = "bearer-jwt";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A path variable with a regular expression, {@code {id:[0-9]+}}, which the document writes {@code {id}}. */
    private static final Pattern VARIABLE_WITH_PATTERN = Pattern.compile("\\{([^}:]+):[^}]*}");
    private static final Set<String> OPERATION_KEYS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    /** Parameters that would let a request choose its tenant or its caller; those come only from the token. */
    private static final Set<String> TOKEN_ONLY = Set.of("agency", "agencyId", "subject", "roles");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private final int port;
    private final JsonNode json;

    private ApiDocument(int port, JsonNode json) {
        this.port = port;
        this.json = json;
    }

    /**
     * The document of the service on {@code 127.0.0.1:port}, fetched with no {@code Authorization} header;
     * fails unless it is answered {@code 200} as JSON.
     */
    public static ApiDocument readWithoutToken(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + PATH + " without a token answered " + response.statusCode() + ": "
                    + response.body());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/json")) {
            throw new AssertionError("GET " + PATH + " answered " + contentType + ", not JSON");
        }
        return new ApiDocument(port, JSON.readTree(response.body()));
    }

    /** The whole document, for a service's own checks. */
    public JsonNode json() {
        return json;
    }

    /** The {@code openapi} field, such as {@code 3.1.0}. */
    public String openApiVersion() {
        return json.path("openapi").asString("");
    }

    /** Every operation of the document as {@code "METHOD /path/{variable}"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        json.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (OPERATION_KEYS.contains(entry.getKey())) {
                operations.add(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The operation object of {@code "METHOD /path"}; a missing node when the document has none. */
    public JsonNode operation(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        return json.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    }

    /**
     * Every endpoint under {@code /api/v1} that the controllers serve, as {@code "METHOD /path/{variable}"}; a
     * mapping that takes any method counts once for each.
     */
    public static Set<String> apiEndpointsOf(RequestMappingHandlerMapping controllers) {
        Set<String> endpoints = new TreeSet<>();
        controllers.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<RequestMethod> served = methods.isEmpty() ? Arrays.asList(RequestMethod.values())
                    : new ArrayList<>(methods);
            for (String path : info.getPatternValues()) {
                if (path.startsWith(API_PREFIX)) {
                    String documented = VARIABLE_WITH_PATTERN.matcher(path).replaceAll("{$1}");
                    served.forEach(method -> endpoints.add(method.name() + " " + documented));
                }
            }
        });
        return endpoints;
    }

    /**
     * Fails unless the document is what every PeerPulse API document must be: OpenAPI 3.1, titled, versioned
     * and licensed Apache-2.0, with the bearer-JWT security scheme; exactly one operation for each
     * {@code /api/v1} endpoint of {@code controllers}; a problem document for every error it lists; no
     * parameter that would choose the agency; and a security requirement on exactly the operations that the
     * service, called without a token, answers {@code 401}.
     */
    public void describesExactly(RequestMappingHandlerMapping controllers) {
        List<String> faults = new ArrayList<>();
        if (!openApiVersion().startsWith("3.1.")) {
            faults.add("openapi is '" + openApiVersion() + "', not 3.1.x");
        }
        JsonNode info = json.path("info");
        if (info.path("title").asString("").isBlank() || info.path("version").asString("").isBlank()) {
            faults.add("info has no title or no version: " + info);
        }
        if (!info.path("license").path("identifier").asString("").equals("Apache-2.0")) {
            faults.add("info.license is not Apache-2.0: " + info.path("license"));
        }
        JsonNode scheme = json.path("components").path("securitySchemes").path(BEARER_JWT);
        if (!scheme.path("type").asString("").equals("http") || !scheme.path("scheme").asString("").equals("bearer")) {
            faults.add("no http bearer security scheme called " + BEARER_JWT + ": " + scheme);
        }
        Set<String> expected = apiEndpointsOf(controllers);
        if (expected.isEmpty()) {
            faults.add("the controllers serve nothing under " + API_PREFIX + ": is this the right handler mapping?");
        }
        Set<String> documented = operations();
        Set<String> undocumented = new TreeSet<>(expected);
        undocumented.removeAll(documented);
        Set<String> unanswered = new TreeSet<>(documented);
        unanswered.removeAll(expected);
        if (!undocumented.isEmpty()) {
            faults.add("endpoints missing from the document: " + undocumented);
        }
        if (!unanswered.isEmpty()) {
            faults.add("operations no handler answers: " + unanswered);
        }
        for (String endpoint : documented) {
            JsonNode operation = operation(endpoint);
            operation.path("responses").properties().forEach(response -> {
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                JsonNode content = response.getValue().path("content");
                if (error && !content.has("application/problem+json")) {
                    faults.add(endpoint + " answers " + response.getKey() + " with " + content.propertyNames()
                            + ", not application/problem+json");
                }
            });
            for (JsonNode parameter : operation.path("parameters")) {
                if (TOKEN_ONLY.contains(parameter.path("name").asString(""))) {
                    faults.add(endpoint + " takes " + parameter.path("name").asString() + " from the request; "
                            + "only the token says that");
                }
            }
            boolean secured = false;
            for (JsonNode requirement : operation.path("security")) {
                secured |= requirement.has(BEARER_JWT);
            }
            int status = statusWithoutToken(endpoint);
            if (secured != (status == 401)) {
                faults.add(endpoint + (secured ? " requires a token in the document" : " needs no token in the document")
                        + " but answers " + status + " without one");
            }
        }
        if (!faults.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not match the service:\n  "
                    + String.join("\n  ", faults));
        }
    }

    /**
     * What the service answers to {@code endpoint} without a token or body, a placeholder in each path
     * variable: the filter chain's 401 for a protected operation, anything else (400, 404) for a public one.
     */
    private int statusWithoutToken(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        String path = VARIABLE.matcher(parts[1]).replaceAll("no-such-id");
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(parts[0], HttpRequest.BodyPublishers.noBody())
                .build()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return json.toPrettyString();
    }
}
