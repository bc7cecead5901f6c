package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml says things the applications must agree with, and nothing runs it in this build (there
 * is no Docker engine here): so its ports, variables and Dockerfiles are checked against the configuration
 * the applications actually read and the artifacts their modules actually build. Prometheus and Grafana's
 * part is OpsFilesTest's.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Path PLATFORM_YML = ROOT.resolve("service-platform/src/main/resources/peerpulse-platform.yml");

    /** A compose service that runs one of our modules, and the files whose placeholders it reads. */
    private record Application(String service, String module, List<Path> configuration) {

        Path ownConfiguration() {
            return configuration.get(0);
        }
    }

    private static final List<Application> APPLICATIONS = List.of(
            new Application("auth-server", "local-stack",
                    List.of(ROOT.resolve("local-stack/src/main/resources/authorization-server.yml"))),
            service("session-service"),
            service("feedback-service"),
            service("metrics-service"));

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static Map<String, Object> services;

    private static Application service(String module) {
        return new Application(module, module,
                List.of(ROOT.resolve(module).resolve("src/main/resources/application.yml"), PLATFORM_YML));
    }

    @BeforeAll
    static void readTheComposeFile() throws IOException {
        services = map(load(ROOT.resolve("docker-compose.yml")).get("services"), "services");
    }

    @Test
    void declaresTheBrokerTheStoreTheAuthorizationServerTheThreeServicesAndTheirMonitoring() {
        assertThat(services).containsKeys("kafka", "mongo", "auth-server", "session-service", "feedback-service",
                "metrics-service", "prometheus", "grafana");
    }

    @Test
    void publishesPortsOnLoopbackOnly() {
        services.forEach((name, definition) -> {
            for (Binding binding : ports(map(definition, name))) {
                assertThat(binding.hostIp()).as(name + " publishes " + binding).isEqualTo("127.0.0.1");
            }
        });
    }

    @Test
    void publishesEachApplicationOnThePortItListensOn() throws IOException {
        for (Application app : APPLICATIONS) {
            Map<String, Object> service = map(services.get(app.service()), app.service());
            int defaultPort = defaultPort(app.ownConfiguration());
            Map<String, String> environment = environment(service, app.service());
            Dockerfile dockerfile = dockerfile(service, app.service());

            assertThat(ports(service)).as(app.service() + " ports")
                    .containsExactly(new Binding("127.0.0.1", defaultPort, defaultPort));
            assertThat(environment).as(app.service()).containsEntry("SERVER_PORT", Integer.toString(defaultPort));
            assertThat(dockerfile.environment()).as(dockerfile.path().toString())
                    .containsEntry("SERVER_PORT", Integer.toString(defaultPort));
            assertThat(dockerfile.instructions("EXPOSE")).as(dockerfile.path().toString())
                    .containsExactly(Integer.toString(defaultPort));
        }
    }

    @Test
    void setsOnlyVariablesTheApplicationReads() throws IOException {
        for (Application app : APPLICATIONS) {
            Map<String, Object> service = map(services.get(app.service()), app.service());
            Set<String> read = new TreeSet<>();
            for (Path file : app.configuration()) {
                Matcher placeholder = ENV_PLACEHOLDER.matcher(Files.readString(file));
                while (placeholder.find()) {
                    read.add(placeholder.group(1));
                }
            }

            assertThat(read).as("variables read by " + app.module()).contains("SERVER_PORT", "SERVER_ADDRESS");
            assertThat(environment(service, app.service()).keySet())
                    .as("variables compose gives %s (it reads %s)", app.service(), read)
                    .isSubsetOf(read);
            Dockerfile dockerfile = dockerfile(service, app.service());
            assertThat(dockerfile.environment().keySet())
                    .as("variables %s sets (%s reads %s)", dockerfile.path(), app.module(), read)
                    .isSubsetOf(read);
        }
    }

    @Test
    void buildsEachImageFromWhatItsModuleBuilds() throws IOException {
        for (Application app : APPLICATIONS) {
            Dockerfile dockerfile = dockerfile(map(services.get(app.service()), app.service()), app.service());
            assertThat(ROOT.relativize(dockerfile.path().getParent())).as(app.service() + " dockerfile's module")
                    .isEqualTo(Path.of(app.module()));
            List<String> copied = dockerfile.instructions("COPY").stream()
                    .map(copy -> copy.split("\\s+")[0])
                    .toList();

            String pom = Files.readString(ROOT.resolve(app.module()).resolve("pom.xml"));
            Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
            if (finalName.find()) {
                // A Boot jar, repackaged under the module's finalName.
                assertThat(copied).as(dockerfile.path().toString())
                        .containsExactly(app.module() + "/target/" + finalName.group(1) + ".jar");
            }
            else {
                // local-stack builds no fat jar: its classes and the libraries copy-dependencies gathers.
                assertThat(pom).contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
                assertThat(copied).as(dockerfile.path().toString())
                        .containsExactlyInAnyOrder(app.module() + "/target/classes", app.module() + "/target/lib");
                String entrypoint = String.join(" ", dockerfile.instructions("ENTRYPOINT"));
                Matcher mainClass = Pattern.compile("\"(org\\.peerpulse\\.[\\w.]+)\"").matcher(entrypoint);
                assertThat(mainClass.find()).as("main class in " + entrypoint).isTrue();
                assertThat(ROOT.resolve(app.module()).resolve("src/main/java")
                        .resolve(mainClass.group(1).replace('.', '/') + ".java")).isRegularFile();
            }
        }
    }

    @Test
    void pointsTheServicesAtTheBrokerTheStoreAndTheIssuerComposeRuns() throws IOException {
        Map<String, String> kafka = environment(map(services.get("kafka"), "kafka"), "kafka");
        String advertised = URI.create(kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")[0]).getAuthority();
        String issuer = environment(map(services.get("auth-server"), "auth-server"), "auth-server")
                .get("PEERPULSE_ISSUER_URI");

        for (Application app : APPLICATIONS.subList(1, APPLICATIONS.size())) {
            Map<String, Object> service = map(services.get(app.service()), app.service());
            Map<String, String> environment = environment(service, app.service());
            assertThat(environment).as(app.service())
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", advertised)
                    .containsEntry("PEERPULSE_ISSUER_URI", issuer)
                    .containsEntry("PEERPULSE_JWK_SET_URI", issuer + "/oauth2/jwks");
            // The same database as the service's own default, only on the compose host.
            assertThat(database(environment.get("MONGODB_URI"))).as(app.service() + " database")
                    .isEqualTo(database(defaultOf(app.ownConfiguration(), "MONGODB_URI")));
            assertThat(map(service.get("depends_on"), app.service() + ".depends_on"))
                    .containsKeys("kafka", "mongo", "auth-server");
        }
    }

    // ---- compose and Dockerfile reading

    /** One published port: {@code host_ip:published:target}. */
    private record Binding(String hostIp, int published, int target) {
    }

    private static List<Binding> ports(Map<String, Object> service) {
        List<Binding> bindings = new ArrayList<>();
        for (Object port : list(service.getOrDefault("ports", List.of()))) {
            if (port instanceof Map<?, ?> longSyntax) {
                bindings.add(new Binding(String.valueOf(longSyntax.get("host_ip")),
                        Integer.parseInt(String.valueOf(longSyntax.get("published"))),
                        Integer.parseInt(String.valueOf(longSyntax.get("target")))));
                continue;
            }
            String[] parts = String.valueOf(port).split(":");
            // "8081" or "8081:8081" publish on every interface: no host ip.
            String hostIp = parts.length == 3 ? parts[0] : "";
            int target = Integer.parseInt(parts[parts.length - 1].replace("/tcp", ""));
            int published = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : target;
            bindings.add(new Binding(hostIp, published, target));
        }
        return bindings;
    }

    /** The environment with merged anchors ({@code <<: *service-environment}), in either compose syntax. */
    private static Map<String, String> environment(Map<String, Object> service, String name) {
        Object environment = service.getOrDefault("environment", Map.of());
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof List<?> entries) {
            entries.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length == 2 ? pair[1] : "");
            });
        }
        else {
            map(environment, name + ".environment").forEach((key, value) -> variables.put(key, String.valueOf(value)));
        }
        return variables;
    }

    private record Dockerfile(Path path, List<String> lines) {

        /** The arguments of every instruction of this kind, continuation lines joined. */
        List<String> instructions(String kind) {
            return lines.stream()
                    .filter(line -> line.regionMatches(true, 0, kind + " ", 0, kind.length() + 1))
                    .map(line -> line.substring(kind.length() + 1).trim())
                    .toList();
        }

        /** {@code ENV A=1 B=2} and {@code ENV A 1}. */
        Map<String, String> environment() {
            Map<String, String> variables = new LinkedHashMap<>();
            for (String env : instructions("ENV")) {
                if (!env.contains("=")) {
                    String[] pair = env.split("\\s+", 2);
                    variables.put(pair[0], pair[1]);
                    continue;
                }
                for (String assignment : env.split("\\s+")) {
                    String[] pair = assignment.split("=", 2);
                    variables.put(pair[0], pair[1]);
                }
            }
            return variables;
        }
    }

    private static Dockerfile dockerfile(Map<String, Object> service, String name) throws IOException {
        Map<String, Object> build = map(service.get("build"), name + ".build");
        Path context = ROOT.resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
        Path path = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))).normalize();
        assertThat(path).as(name + "'s Dockerfile").isRegularFile();
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(path)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            lines.add(current.append(trimmed).toString());
            current.setLength(0);
        }
        return new Dockerfile(path, lines);
    }

    // ---- application configuration reading

    private static int defaultPort(Path yml) throws IOException {
        Map<String, Object> server = map(load(yml).get("server"), yml + " server");
        String port = String.valueOf(server.get("port"));
        Matcher placeholder = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}").matcher(port);
        assertThat(placeholder.matches()).as(yml + " server.port " + port).isTrue();
        return Integer.parseInt(placeholder.group(1));
    }

    private static String defaultOf(Path yml, String variable) throws IOException {
        Matcher placeholder = Pattern.compile("\\$\\{" + variable + ":([^}]+)}").matcher(Files.readString(yml));
        assertThat(placeholder.find()).as(variable + " in " + yml).isTrue();
        return placeholder.group(1);
    }

    private static String database(String mongoUri) {
        return URI.create(mongoUri).getPath().substring(1);
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), file.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<?>) node;
    }
}
