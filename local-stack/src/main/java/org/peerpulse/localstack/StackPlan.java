package org.peerpulse.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.peerpulse.localstack.auth.AuthorizationServerApplication;

/**
 * What to start, stage by stage: the children of one stage start together, and a stage starts only when
 * every child of the one before is ready. Stopping goes backwards.
 *
 * @param dataDir where the broker's log, the store file, the signing key and the child logs live
 * @param fresh wipe {@code dataDir} before starting
 * @param stages the children, in start order
 * @param readinessTimeout how long one stage may take to become ready
 * @param stopTimeout how long a child may take to exit after SIGTERM before it is killed
 */
public record StackPlan(
        Path dataDir,
        boolean fresh,
        List<List<ChildSpec>> stages,
        Duration readinessTimeout,
        Duration stopTimeout) {

    /** The child names of the full local stack, in start order. */
    public static final List<String> ALL = List.of("kafka", "mongo", "auth", "session-service", "feedback-service",
            "metrics-service");

    static final List<String> SERVICES = List.of("session-service", "feedback-service", "metrics-service");

    /** Small heaps and a quick start: the stack should fit a laptop and be ready in well under a minute. */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * Each service's heap, from Native Memory Tracking under {@code ./peerpulse bench --quick} (docs/benchmark.md,
     * "What the profiles found"). Without {@code -Xms} a JVM on a large machine starts with the whole {@code -Xmx}
     * committed (1/64 of physical memory is more than the heap), so the old generation filled up with dead,
     * promoted objects to 142 MB while 29 MB of it were live, and a 256 MB heap stayed resident: {@code -Xms}
     * lets the heap grow only as far as the load needs. session- and feedback-service keep 25-30 MB after a full
     * collection and settle at a 66 MB heap under load. metrics-service keeps up to 47 MB while batches are in
     * flight, and its Kafka and Mongo batches outlive a small young generation: with a 28 MB one it promoted
     * about 12 MB/s and ran a full collection every 3-5 s, so its young generation is fixed at 64 MB. That keeps
     * it above 300 MB resident (about 380 MB under the benchmark, from 480 MB), also since it writes its facts and
     * rollups without Spring Data's per-value mapping.
     */
    static final Map<String, List<String>> SERVICE_HEAPS = Map.of(
            "session-service", List.of("-Xms64m", "-Xmx128m"),
            "feedback-service", List.of("-Xms64m", "-Xmx128m"),
            "metrics-service", List.of("-Xms96m", "-Xmx160m", "-Xmn64m"));

    /**
     * glibc keeps the native memory the JIT compilers free (their arenas peak at 18-27 MB per compilation
     * burst) and does not give it back: a {@code jcmd <pid> System.trim_native_heap} after the benchmark
     * returned 28-41 MB per service. Trimming every 5 s returns it as it is freed ({@code MALLOC_ARENA_MAX=2}
     * alone still left 18 MB to trim).
     */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    /**
     * A person reads {@code ./peerpulse up}'s logs in a terminal: plain lines instead of the services' JSON
     * default (an empty structured format). {@code PEERPULSE_CHILD_JVM_OPTS} comes after it, so
     * {@code -Dlogging.structured.format.console=ecs} there shows the JSON again.
     */
    static final String READABLE_LOGS = "-Dlogging.structured.format.console=";

    /** How many different feedback tokens the one local address may try a minute (see {@link #services}). */
    static final int LOCAL_TOKEN_ATTEMPTS_PER_MINUTE = 5_000;

    public StackPlan {
        dataDir = dataDir.toAbsolutePath().normalize();
        stages = stages.stream().filter(stage -> !stage.isEmpty()).map(List::copyOf).toList();
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public List<ChildSpec> children() {
        return stages.stream().flatMap(List::stream).toList();
    }

    /** Where the document store keeps its data. */
    public enum Store {
        /** An H2 file under the data directory: what the stack stores survives a restart. */
        FILE,
        /**
         * The heap: nothing survives, but every write is many times cheaper (the H2 backend looks up its
         * indexes by serialised keys), so the benchmark measures the services rather than the stand-in. The
         * heap holds every document, hence a large one.
         */
        MEMORY
    }

    /** The real local stack on an H2 file, as {@code ./peerpulse up} runs by default. */
    public static StackPlan local(Path repoRoot, Path dataDir, boolean fresh, Ports ports, String classpath,
            Set<String> only) {
        return local(repoRoot, dataDir, fresh, ports, classpath, only, Store.FILE);
    }

    /**
     * The real local stack.
     *
     * @param repoRoot where the service modules are (their jars are {@code <module>/target/<module>.jar})
     * @param classpath the classpath of the broker, the store and the authorization server: local-stack's
     *     classes and libraries, as the launcher itself runs with
     * @param only the names (from {@link #ALL}) to start; all when empty
     */
    public static StackPlan local(Path repoRoot, Path dataDir, boolean fresh, Ports ports, String classpath,
            Set<String> only, Store store) {
        Path data = dataDir.toAbsolutePath().normalize();
        Endpoints at = new Endpoints(ports);
        List<String> extraJvmOptions = extraJvmOptions();

        ChildSpec kafka = new ChildSpec("kafka",
                java(classpath, "-Xmx384m", extraJvmOptions, "org.peerpulse.infra.kafka.KafkaBrokerMain",
                        "--data-dir", data.resolve("kafka").toString(),
                        "--port", Integer.toString(ports.kafka()),
                        "--controller-port", Integer.toString(ports.kafkaController())),
                Map.of(), new Readiness.OutputLine("READY kafka " + at.kafka()), at.kafka());
        ChildSpec mongo = new ChildSpec("mongo", store == Store.MEMORY
                ? java(classpath, "-Xmx16g", extraJvmOptions, "org.peerpulse.infra.mongo.DocumentStoreMain",
                        "--memory", "--port", Integer.toString(ports.mongo()))
                : java(classpath, "-Xmx256m", extraJvmOptions, "org.peerpulse.infra.mongo.DocumentStoreMain",
                        "--file", data.resolve("mongo").resolve("peerpulse.mv.db").toString(),
                        "--port", Integer.toString(ports.mongo())),
                Map.of(), new Readiness.OutputLine("READY mongo " + at.mongo()), at.mongo());
        ChildSpec auth = authorizationServer(data, at, classpath, extraJvmOptions);

        List<ChildSpec> services = services(repoRoot, ports, at.kafka(),
                database -> "mongodb://" + at.mongo() + "/" + database,
                Stream.concat(Stream.of(READABLE_LOGS), extraJvmOptions.stream()).toList());

        List<List<ChildSpec>> stages = List.of(List.of(kafka), List.of(mongo), List.of(auth), services).stream()
                .map(stage -> stage.stream().filter(child -> only.isEmpty() || only.contains(child.name())).toList())
                .toList();
        return new StackPlan(data, fresh, stages, Duration.ofSeconds(120), Duration.ofSeconds(20));
    }

    /**
     * The authorization server and the three services on a broker and a store that run elsewhere, for
     * example a test's shared backends: no kafka or mongo child. The services start together once the
     * authorization server is ready, as in {@link #local}; {@code dataDir} is used as it is.
     *
     * @param kafkaBootstrapServers the broker the services use
     * @param mongoUri the connection string of a database, given its name ({@code peerpulse-sessions}, ...)
     */
    public static StackPlan onBackends(Path repoRoot, Path dataDir, Ports ports, String classpath,
            String kafkaBootstrapServers, UnaryOperator<String> mongoUri) {
        Path data = dataDir.toAbsolutePath().normalize();
        Endpoints at = new Endpoints(ports);
        List<String> extraJvmOptions = extraJvmOptions();
        return new StackPlan(data, false,
                List.of(List.of(authorizationServer(data, at, classpath, extraJvmOptions)),
                        services(repoRoot, ports, kafkaBootstrapServers, mongoUri, extraJvmOptions)),
                Duration.ofSeconds(120), Duration.ofSeconds(20));
    }

    private static ChildSpec authorizationServer(Path data, Endpoints at, String classpath, List<String> extraJvmOptions) {
        int port = at.ports().auth();
        return new ChildSpec("auth",
                java(classpath, "-Xmx192m", extraJvmOptions, AuthorizationServerApplication.class.getName()),
                Map.of("SERVER_PORT", Integer.toString(port),
                        "SERVER_ADDRESS", "127.0.0.1",
                        "PEERPULSE_ISSUER_URI", at.issuer().toString(),
                        "PEERPULSE_AUTH_SIGNING_KEY_FILE", data.resolve("auth").resolve("signing-key.jwk").toString(),
                        "PEERPULSE_DASHBOARD_URL", at.http(at.ports().metrics()),
                        "PEERPULSE_WORKSPACE_URL", at.http(at.ports().session()),
                        "PEERPULSE_LEADS_URL", at.http(at.ports().feedback())),
                new Readiness.HttpOk(at.readiness(port)), at.issuer().toString());
    }

    private static List<ChildSpec> services(Path repoRoot, Ports ports, String kafkaBootstrapServers,
            UnaryOperator<String> mongoUri, List<String> extraJvmOptions) {
        Endpoints at = new Endpoints(ports);
        List<ChildSpec> services = new ArrayList<>();
        int[] servicePorts = { ports.session(), ports.feedback(), ports.metrics() };
        String[] databases = { "peerpulse-sessions", "peerpulse-feedback", "peerpulse-metrics" };
        for (int i = 0; i < SERVICES.size(); i++) {
            String module = SERVICES.get(i);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            env.put("MONGODB_URI", mongoUri.apply(databases[i]));
            env.put("PEERPULSE_ISSUER_URI", at.issuer().toString());
            env.put("SERVER_PORT", Integer.toString(servicePorts[i]));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            if (module.equals("session-service")) {
                env.put("PEERPULSE_FEEDBACK_BASE_URL", at.http(ports.feedback()));
                // A webhook receiver on this machine speaks plain http; anywhere else only https is accepted.
                env.put("PEERPULSE_SESSIONS_PLAINHTTPWEBHOOKS", "true");
                // The workspace links to the specialist's learning page and a lead's dashboard, both on metrics-service.
                env.put("PEERPULSE_PAGES_LEARNINGURL", at.http(ports.metrics()) + "/learning");
                env.put("PEERPULSE_PAGES_DASHBOARDURL", at.http(ports.metrics()) + "/");
            }
            if (module.equals("feedback-service")) {
                // Locally every participant's phone is 127.0.0.1, so the per-address limit on guessing
                // (20 different tokens a minute) would throttle the demo month's 200 answers to ten minutes.
                env.put("PEERPULSE_FEEDBACK_TOKENATTEMPTSPERMINUTE", Integer.toString(LOCAL_TOKEN_ATTEMPTS_PER_MINUTE));
            }
            if (module.equals("metrics-service")) {
                // The learning page links back to the specialist's workspace.
                env.put("PEERPULSE_WORKSPACE_URL", at.http(ports.session()) + "/");
                // A harm alert in the inbox links to the participant's words on feedback-service, and each webhook
                // notice to the inbox.
                env.put("PEERPULSE_FEEDBACK_URL", at.http(ports.feedback()) + "/");
                env.put("PEERPULSE_ALERT_INBOX_URL", at.http(ports.metrics()) + "/alerts");
                // ...and sends to a receiver on this machine, which anywhere else would be refused.
                env.put("PEERPULSE_WEBHOOK_PRIVATE_ADDRESSES", "true");
            }
            List<String> command = new ArrayList<>(javaPrefix(SERVICE_HEAPS.get(module),
                    Stream.concat(Stream.of(TRIM_NATIVE_HEAP), extraJvmOptions.stream()).toList()));
            command.add("-jar");
            command.add(repoRoot.resolve(module).resolve("target").resolve(module + ".jar").toAbsolutePath().toString());
            services.add(new ChildSpec(module, command, env, new Readiness.HttpOk(at.readiness(servicePorts[i])),
                    at.http(servicePorts[i])));
        }
        return services;
    }

    /** The jars a plan runs with {@code -jar} that are not there. */
    List<Path> missingJars() {
        return children().stream()
                .map(ChildSpec::command)
                .filter(command -> command.contains("-jar"))
                .map(command -> Path.of(command.get(command.indexOf("-jar") + 1)))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
    }

    private static List<String> java(String classpath, String heap, List<String> extra, String mainClass,
            String... args) {
        List<String> command = new ArrayList<>(javaPrefix(List.of(heap), extra));
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static List<String> javaPrefix(List<String> heap, List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(heap);
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(extra);
        return command;
    }

    /** {@code PEERPULSE_CHILD_JVM_OPTS} comes last so it wins, e.g. {@code -XX:TieredStopAtLevel=4} for benchmarks. */
    private static List<String> extraJvmOptions() {
        String value = System.getenv("PEERPULSE_CHILD_JVM_OPTS");
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** Where the children listen, as the other children and the summary name them. */
    record Endpoints(Ports ports) {

        String kafka() {
            return "127.0.0.1:" + ports.kafka();
        }

        String mongo() {
            return "127.0.0.1:" + ports.mongo();
        }

        URI issuer() {
            return URI.create(http(ports.auth()));
        }

        String http(int port) {
            return "http://127.0.0.1:" + port;
        }

        URI readiness(int port) {
            return URI.create(http(port) + "/actuator/health/readiness");
        }
    }
}
