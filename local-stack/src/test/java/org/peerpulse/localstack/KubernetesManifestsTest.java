package org.peerpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.peerpulse.contracts.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests under deploy/k8s are never applied in this build (no cluster here), so what they
 * say is checked against what the services really do: the port each listens on, the health groups Boot
 * exposes, the environment variables the configuration reads, the heap the local stack proves enough, the
 * shutdown phases the platform configures, the topics and consumer groups the code declares. It reads the
 * kustomizations the way kustomize does for what is checked here (resources, generated config maps and their
 * merges, strategic-merge patches), without needing kustomize or kubectl.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path PRODUCTION = K8S.resolve("overlays/production");
    private static final Path STRIMZI = K8S.resolve("strimzi");
    private static final Path PLATFORM_YML = ROOT.resolve("service-platform/src/main/resources/peerpulse-platform.yml");

    private static final List<String> SERVICES = List.of("session-service", "feedback-service", "metrics-service");
    /** Stateless over HTTP: scaled by an HPA. metrics-service is not (docs/operations.md, "Scaling"). */
    private static final Set<String> AUTOSCALED = Set.of("session-service", "feedback-service");

    /**
     * A pod's heap is at least what every service ran the benchmark with before {@code StackPlan} sized the local
     * heaps from measured live sets (128-160 MB): a pod keeps that margin for load we have not measured.
     */
    private static final long PROVEN_HEAP_MIB = 256;
    /** Metaspace (~100 MiB for these apps), code cache, thread stacks, GC and direct buffers, with room. */
    private static final long NON_HEAP_MIB = 224;
    /** Resident memory of an idle service as ./peerpulse up measures it (README): a request below it lies. */
    private static final long MEASURED_IDLE_RESIDENT_MIB = 240;

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern SECRET_LIKE = Pattern.compile("PASSWORD|SECRET|TOKEN|CREDENTIAL|_KEY$|^MONGODB_URI$");
    /** A class-level {@code @RequestMapping("/x")}, other annotations possibly between it and the class. */
    private static final Pattern CLASS_MAPPING = Pattern.compile("@RequestMapping\\((?:(?:path|value)\\s*=\\s*)?\"(/[^\"]*)\""
            + "(?:[^()\"]|\"[^\"]*\")*\\)\\s*(?:@\\w+(?:\\((?:[^()\"]|\"[^\"]*\")*\\))?\\s*)*(?:public\\s+)?(?:final\\s+)?class");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\((?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\)[^{;]*?\\brecord\\s+\\w+\\s*\\(");

    // ---- the kustomizations themselves

    @Test
    void everyFileAKustomizationNamesExists() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(K8S)) {
            kustomizations = files.filter(file -> file.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(kustomizations).as("kustomizations under deploy/k8s")
                .contains(BASE.resolve("kustomization.yaml"), PRODUCTION.resolve("kustomization.yaml"),
                        STRIMZI.resolve("kustomization.yaml"));
        for (Path file : kustomizations) {
            Path dir = file.getParent();
            Map<String, Object> kustomization = loadOne(file);
            List<String> named = new ArrayList<>();
            named.addAll(strings(kustomization.get("resources")));
            named.addAll(strings(kustomization.get("components")));
            for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
                if (patch.containsKey("path")) {
                    named.add(String.valueOf(patch.get("path")));
                }
            }
            for (Map<String, Object> generator : maps(kustomization.get("configMapGenerator"))) {
                named.addAll(strings(generator.get("envs")));
                strings(generator.get("files")).forEach(entry -> named.add(entry.substring(entry.indexOf('=') + 1)));
            }
            assertThat(named).as(file + " names something").isNotEmpty();
            for (String entry : named) {
                Path target = dir.resolve(entry).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as("%s lists %s, which is neither a file nor a kustomization", file, entry).isTrue();
            }
            assertThat(kustomization).as(file + " generates no secret: secrets are made outside the repository")
                    .doesNotContainKey("secretGenerator");
        }
    }

    @Test
    void theBaseHasADeploymentServicePdbAndServiceAccountPerServiceAndNothingElseUnexpected() throws IOException {
        Manifests base = Manifests.of(BASE);
        for (String service : SERVICES) {
            assertThat(base.find("Deployment", service)).as(service + " Deployment").isNotNull();
            assertThat(base.find("Service", service)).as(service + " Service").isNotNull();
            assertThat(base.find("ServiceAccount", service)).as(service + " ServiceAccount").isNotNull();
            assertThat(base.find("PodDisruptionBudget", service)).as(service + " PodDisruptionBudget").isNotNull();
            assertThat(base.configMaps()).as("generated config maps").containsKey(service);
        }
        assertThat(base.kinds()).as("kinds in the base")
                .containsOnly("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget",
                        "HorizontalPodAutoscaler");
    }

    // ---- ports, probes, services

    @Test
    void everyDeploymentListensOnItsServicePortAndProbesTheActuatorGroups() throws IOException {
        Manifests base = Manifests.of(BASE);
        for (String service : SERVICES) {
            Map<String, Object> container = base.container(service);
            int port = defaultPort(service);

            List<Map<String, Object>> ports = maps(container.get("ports"));
            assertThat(ports).as(service + " container ports").hasSize(1);
            assertThat(ports.get(0)).as(service + " container port")
                    .containsEntry("name", "http").containsEntry("containerPort", port);
            assertThat(base.environment(service)).as(service + " env").containsEntry("SERVER_PORT", Integer.toString(port));
            assertThat(dockerfile(service).exposed()).as(service + "'s Dockerfile EXPOSE").containsExactly(port);

            assertProbe(service, container, "startupProbe", "/actuator/health/liveness", port);
            assertProbe(service, container, "livenessProbe", "/actuator/health/liveness", port);
            assertProbe(service, container, "readinessProbe", "/actuator/health/readiness", port);

            Map<String, Object> spec = map(base.find("Service", service).get("spec"), service + " Service spec");
            Map<String, Object> selector = map(spec.get("selector"), service + " Service selector");
            assertThat(selector).as(service + " Service selector").isNotEmpty();
            assertThat(base.podLabels(service)).as(service + " pods the Service selects").containsAllEntriesOf(selector);
            List<Map<String, Object>> servicePorts = maps(spec.get("ports"));
            assertThat(servicePorts).as(service + " Service ports").isNotEmpty();
            servicePorts.forEach(servicePort -> assertThat(servicePort.get("targetPort"))
                    .as(service + " Service targetPort").isIn("http", port));

            Map<String, Object> annotations = base.podAnnotations(service);
            assertThat(annotations).as(service + " scrape hints")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", Integer.toString(port));
        }
    }

    /**
     * The probe paths exist only because the platform switches the probe groups on; readiness is the group that
     * follows MongoDB (and the listener containers), liveness depends on nothing outside the process.
     */
    @Test
    void theProbedGroupsAreTheOnesThePlatformDeclares() throws IOException {
        Map<String, Object> health = map(path(load(PLATFORM_YML), "management", "endpoint", "health"), "health");
        assertThat(map(health.get("probes"), "probes")).containsEntry("enabled", true);
        Map<String, Object> groups = map(health.get("group"), "health groups");
        assertThat(String.valueOf(map(groups.get("readiness"), "readiness").get("include"))).contains("mongo");
        assertThat(String.valueOf(map(groups.get("liveness"), "liveness").get("include"))).doesNotContain("mongo");
    }

    private static void assertProbe(String service, Map<String, Object> container, String kind, String path, int port) {
        Map<String, Object> probe = map(container.get(kind), service + " " + kind);
        Map<String, Object> get = map(probe.get("httpGet"), service + " " + kind + ".httpGet");
        assertThat(get).as(service + " " + kind).containsEntry("path", path);
        assertThat(get.get("port")).as(service + " " + kind + " port").isIn("http", port);
        assertThat(probe).as(service + " " + kind).containsKeys("periodSeconds", "failureThreshold");
    }

    // ---- resources and the JVM

    @Test
    void requestsAndLimitsFitTheJvmItIsToldToBe() throws IOException {
        Manifests base = Manifests.of(BASE);
        for (String service : SERVICES) {
            Map<String, Object> container = base.container(service);
            Map<String, Object> resources = map(container.get("resources"), service + " resources");
            Map<String, Object> requests = map(resources.get("requests"), service + " requests");
            Map<String, Object> limits = map(resources.get("limits"), service + " limits");
            assertThat(requests).as(service + " requests").containsKeys("cpu", "memory");
            assertThat(limits).as(service + " limits").containsKeys("cpu", "memory");

            long requestMib = mebibytes(String.valueOf(requests.get("memory")));
            long limitMib = mebibytes(String.valueOf(limits.get("memory")));
            assertThat(millicores(String.valueOf(requests.get("cpu"))))
                    .isLessThanOrEqualTo(millicores(String.valueOf(limits.get("cpu"))));
            assertThat(requestMib).as(service + " memory request (MiB)")
                    .isGreaterThanOrEqualTo(MEASURED_IDLE_RESIDENT_MIB).isLessThanOrEqualTo(limitMib);

            List<String> command = strings(container.get("command"));
            Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)")
                    .matcher(String.join(" ", command));
            assertThat(percentage.find()).as(service + " command sets MaxRAMPercentage: " + command).isTrue();
            long heapMib = (long) (limitMib * Double.parseDouble(percentage.group(1)) / 100);
            assertThat(heapMib).as(service + " max heap (MiB) from a %d MiB limit", limitMib)
                    .isGreaterThanOrEqualTo(PROVEN_HEAP_MIB);
            assertThat(limitMib - heapMib).as(service + " room outside the heap (MiB)")
                    .isGreaterThanOrEqualTo(NON_HEAP_MIB);
            assertThat(command).as(service + " command").doesNotContain("-Xmx").noneMatch(arg -> arg.startsWith("-Xmx"));

            // The command replaces the image's entrypoint: it must still start the jar the image holds.
            Dockerfile dockerfile = dockerfile(service);
            assertThat(command.get(0)).isEqualTo(dockerfile.entrypoint().get(0));
            assertThat(command.subList(command.size() - 2, command.size())).as(service + " runs the image's jar")
                    .isEqualTo(dockerfile.entrypoint().subList(dockerfile.entrypoint().size() - 2,
                            dockerfile.entrypoint().size()));
        }
    }

    // ---- security

    @Test
    void podsRunAsTheImagesUserWithAReadOnlyRootAndNoPrivileges() throws IOException {
        Manifests base = Manifests.of(BASE);
        for (String service : SERVICES) {
            Map<String, Object> pod = base.podSpec(service);
            Map<String, Object> podSecurity = map(pod.get("securityContext"), service + " pod securityContext");
            assertThat(podSecurity).as(service + " pod securityContext")
                    .containsEntry("runAsNonRoot", true)
                    .containsEntry("runAsUser", dockerfile(service).user());
            assertThat(map(podSecurity.get("seccompProfile"), "seccompProfile")).containsEntry("type", "RuntimeDefault");
            assertThat(pod).containsEntry("automountServiceAccountToken", false);

            Map<String, Object> container = base.container(service);
            Map<String, Object> security = map(container.get("securityContext"), service + " securityContext");
            assertThat(security).as(service + " container securityContext")
                    .containsEntry("allowPrivilegeEscalation", false)
                    .containsEntry("readOnlyRootFilesystem", true);
            assertThat(strings(map(security.get("capabilities"), "capabilities").get("drop"))).containsExactly("ALL");

            // Tomcat and the JVM write only under /tmp, which must then be a writable volume.
            String tmpVolume = maps(container.get("volumeMounts")).stream()
                    .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                    .map(mount -> String.valueOf(mount.get("name")))
                    .findFirst().orElse(null);
            assertThat(tmpVolume).as(service + " mounts a volume on /tmp").isNotNull();
            assertThat(maps(pod.get("volumes"))).as(service + " volumes")
                    .anySatisfy(volume -> assertThat(volume).containsEntry("name", tmpVolume).containsKey("emptyDir"));
        }
    }

    @Test
    void noSecretValueIsWrittenDownAnywhere() throws IOException {
        for (Path dir : List.of(BASE, PRODUCTION, STRIMZI, K8S.resolve("components/prometheus-operator"))) {
            Manifests manifests = Manifests.of(dir);
            assertThat(manifests.kinds()).as(dir + " contains no Secret").doesNotContain("Secret");
            manifests.configMaps().forEach((name, literals) -> assertThat(literals.keySet())
                    .as("config map %s in %s holds no secret-like key", name, dir)
                    .noneMatch(key -> SECRET_LIKE.matcher(key).find()));
        }
        for (Path dir : List.of(BASE, PRODUCTION)) {
            Manifests manifests = Manifests.of(dir);
            for (String service : SERVICES) {
                for (Map<String, Object> variable : manifests.envEntries(service)) {
                    String name = String.valueOf(variable.get("name"));
                    if (SECRET_LIKE.matcher(name).find()) {
                        assertThat(variable).as("%s %s in %s", service, name, dir).doesNotContainKey("value");
                        assertThat(map(variable.get("valueFrom"), name + ".valueFrom"))
                                .as("%s %s in %s comes from a secret", service, name, dir)
                                .containsOnlyKeys("secretKeyRef");
                    }
                }
            }
        }
    }

    // ---- environment

    @Test
    void everyVariableADeploymentSetsIsOneTheServiceReads() throws IOException {
        for (Path dir : List.of(BASE, PRODUCTION)) {
            Manifests manifests = Manifests.of(dir);
            for (String service : SERVICES) {
                Set<String> read = variablesRead(service);
                Set<String> set = manifests.environmentNames(service);
                assertThat(set).as("variables %s sets for %s", dir.getFileName(), service)
                        .contains("SERVER_ADDRESS", "SERVER_PORT", "MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS",
                                "PEERPULSE_ISSUER_URI");
                assertThat(set).as("variables %s sets for %s, each read by it", dir.getFileName(), service)
                        .allMatch(read::contains, "is read by " + service);
            }
        }
    }

    @Test
    void podsListenOnTheirOwnAddressNotOnLoopback() throws IOException {
        for (Path dir : List.of(BASE, PRODUCTION)) {
            Manifests manifests = Manifests.of(dir);
            for (String service : SERVICES) {
                assertThat(manifests.environment(service)).as(service + " in " + dir)
                        .containsEntry("SERVER_ADDRESS", "0.0.0.0");
            }
        }
    }

    @Test
    void productionTalksToKafkaOverSaslSslAsEachServicesOwnUser() throws IOException {
        Manifests production = Manifests.of(PRODUCTION);
        for (String service : SERVICES) {
            Map<String, String> environment = production.environment(service);
            assertThat(environment).as(service)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SASL_USERNAME", service)
                    .containsKey("KAFKA_SASL_PASSWORD");
            assertThat(loadAll(STRIMZI.resolve("users.yaml"))).as("KafkaUser " + service)
                    .anySatisfy(user -> assertThat(name(user)).isEqualTo(service));
        }
    }

    /** The alert rules and dashboards group by job = the service's name, as the compose scrape config sets it. */
    @Test
    void thePodMonitorNamesEachScrapeJobAfterItsService() throws IOException {
        Manifests production = Manifests.of(PRODUCTION);
        List<Map<String, Object>> monitors = production.all("PodMonitor");
        assertThat(monitors).as("PodMonitors in production").hasSize(1);
        Map<String, Object> spec = map(monitors.get(0).get("spec"), "PodMonitor spec");
        String jobLabel = String.valueOf(spec.get("jobLabel"));
        Map<String, Object> selector = map(map(spec.get("selector"), "selector").get("matchLabels"), "matchLabels");
        for (String service : SERVICES) {
            assertThat(production.podLabels(service)).as(service + " pod labels")
                    .containsEntry(jobLabel, service).containsAllEntriesOf(selector);
        }
        assertThat(maps(spec.get("podMetricsEndpoints"))).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
            // The endpoint answers only an ops token: the scrape must fetch one.
            assertThat(endpoint).containsKey("oauth2");
        });
    }

    /** A path a controller serves but no ingress routes would answer 404 in production and nowhere else. */
    @Test
    void theIngressesRouteEveryPathTheServicesControllersServe() throws IOException {
        Manifests production = Manifests.of(PRODUCTION);
        Map<String, Set<String>> routed = new LinkedHashMap<>();
        for (Map<String, Object> ingress : production.all("Ingress")) {
            for (Map<String, Object> rule : maps(path(ingress, "spec", "rules"))) {
                for (Map<String, Object> route : maps(path(rule, "http", "paths"))) {
                    assertThat(route).containsEntry("pathType", "Prefix");
                    String backend = String.valueOf(path(route, "backend", "service", "name"));
                    assertThat(production.find("Service", backend)).as("ingress backend " + backend).isNotNull();
                    assertThat(path(route, "backend", "service", "port", "name")).isEqualTo("http");
                    routed.computeIfAbsent(backend, name -> new TreeSet<>()).add(String.valueOf(route.get("path")));
                }
            }
        }
        Pattern mapping = Pattern.compile(
                "@(?:Request|Get|Post|Put|Patch|Delete)Mapping\\((?:(?:path|value)\\s*=\\s*)?\"(/[^\"]*)\"");
        for (String service : SERVICES) {
            Set<String> served = new TreeSet<>();
            for (Path sources : List.of(ROOT.resolve(service).resolve("src/main/java"),
                    ROOT.resolve("service-platform/src/main/java/org/peerpulse/platform/audit"))) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(file -> file.toString().endsWith("Controller.java")).toList()) {
                        String code = Files.readString(file);
                        // Class-level mappings are prefixes; a method's own path counts where its class has none.
                        Matcher classLevel = CLASS_MAPPING.matcher(code);
                        if (classLevel.find()) {
                            served.add(classLevel.group(1));
                            continue;
                        }
                        Matcher method = mapping.matcher(code);
                        while (method.find()) {
                            served.add(method.group(1));
                        }
                    }
                }
            }
            assertThat(served).as(service + " controller paths").isNotEmpty();
            Set<String> prefixes = routed.getOrDefault(service, Set.of());
            assertThat(served).as("%s serves these; its ingress routes %s", service, prefixes)
                    .allMatch(controllerPath -> prefixes.stream().anyMatch(prefix -> prefix.equals("/")
                            || controllerPath.equals(prefix) || controllerPath.startsWith(prefix + "/")), "is routed");
            assertThat(prefixes).as(service + " routes").noneMatch(prefix -> prefix.startsWith("/actuator"));
        }
    }

    @Test
    void productionAdmitsTrafficOnlyOnTheHttpPortOfEveryPod() throws IOException {
        Manifests production = Manifests.of(PRODUCTION);
        List<Map<String, Object>> policies = production.all("NetworkPolicy");
        assertThat(policies).as("NetworkPolicies in production").isNotEmpty();
        for (String service : SERVICES) {
            Map<String, Object> labels = production.podLabels(service);
            assertThat(policies).as(service + " is selected by a policy that admits only its http port")
                    .anySatisfy(policy -> {
                        Map<String, Object> spec = map(policy.get("spec"), "policy spec");
                        Map<String, Object> selected = map(path(spec, "podSelector", "matchLabels"), "podSelector");
                        assertThat(labels).containsAllEntriesOf(selected);
                        assertThat(strings(spec.get("policyTypes"))).contains("Ingress");
                        for (Map<String, Object> rule : maps(spec.get("ingress"))) {
                            assertThat(maps(rule.get("ports"))).isNotEmpty()
                                    .allSatisfy(port -> assertThat(port).containsEntry("port", "http"));
                        }
                    });
        }
    }

    // ---- graceful shutdown

    @Test
    void podsGetLongerToStopThanSpringsShutdownPhasesTake() throws IOException {
        Object configured = path(load(PLATFORM_YML), "spring", "lifecycle", "timeout-per-shutdown-phase");
        long phaseSeconds = configured == null ? 30 : duration(String.valueOf(configured)).toSeconds();
        assertThat(path(load(PLATFORM_YML), "server", "shutdown")).isEqualTo("graceful");
        Manifests base = Manifests.of(BASE);
        for (String service : SERVICES) {
            Map<String, Object> pod = base.podSpec(service);
            List<String> preStop = strings(path(base.container(service), "lifecycle", "preStop", "exec", "command"));
            long preStopSeconds = preStop.size() == 2 && preStop.get(0).equals("sleep") ? Long.parseLong(preStop.get(1)) : 0;
            assertThat(preStopSeconds).as(service + " preStop sleep, so routing stops before the drain").isPositive();
            // Two phases wait: the web server draining its requests and the listener containers finishing theirs.
            assertThat(((Number) pod.get("terminationGracePeriodSeconds")).longValue())
                    .as(service + " terminationGracePeriodSeconds (phase timeout %d s)", phaseSeconds)
                    .isGreaterThan(preStopSeconds + 2 * phaseSeconds);
        }
    }

    // ---- scaling

    @Test
    void autoscalersTargetTheStatelessDeploymentsWhichLeaveTheirReplicasToThem() throws IOException {
        for (Path dir : List.of(BASE, PRODUCTION)) {
            Manifests manifests = Manifests.of(dir);
            List<Map<String, Object>> autoscalers = manifests.all("HorizontalPodAutoscaler");
            assertThat(autoscalers.stream().map(KubernetesManifestsTest::name)).as("HPAs in " + dir)
                    .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
            for (Map<String, Object> hpa : autoscalers) {
                Map<String, Object> spec = map(hpa.get("spec"), "hpa spec");
                Map<String, Object> target = map(spec.get("scaleTargetRef"), "scaleTargetRef");
                assertThat(target).containsEntry("kind", "Deployment").containsEntry("apiVersion", "apps/v1");
                String deployment = String.valueOf(target.get("name"));
                assertThat(manifests.find("Deployment", deployment)).as("HPA target " + deployment).isNotNull();
                assertThat(map(manifests.find("Deployment", deployment).get("spec"), "spec"))
                        .as(deployment + " leaves replicas to its HPA").doesNotContainKey("replicas");
                assertThat(((Number) spec.get("minReplicas")).intValue()).as(deployment + " minReplicas")
                        .isGreaterThanOrEqualTo(2)
                        .isLessThanOrEqualTo(((Number) spec.get("maxReplicas")).intValue());
            }
        }
    }

    /** More metrics-service pods than partitions would only add idle consumers and rebalances. */
    @Test
    void metricsServiceRunsAtLeastTwoAndNoMorePodsThanTopicPartitions() throws IOException {
        for (Path dir : List.of(BASE, PRODUCTION)) {
            Manifests manifests = Manifests.of(dir);
            int partitions = Integer.parseInt(manifests.environment("metrics-service").get("PEERPULSE_KAFKA_PARTITIONS"));
            int replicas = manifests.replicas("metrics-service");
            assertThat(replicas).as("metrics-service replicas in " + dir).isBetween(2, partitions);
        }
    }

    @Test
    void everyDeploymentHasADisruptionBudgetThatSelectsIt() throws IOException {
        Manifests base = Manifests.of(BASE);
        for (String service : SERVICES) {
            Map<String, Object> spec = map(base.find("PodDisruptionBudget", service).get("spec"), "pdb spec");
            Map<String, Object> selector = map(map(spec.get("selector"), "selector").get("matchLabels"), "matchLabels");
            assertThat(base.podLabels(service)).as(service + " pod labels").containsAllEntriesOf(selector);
            assertThat(spec).as(service + " PDB").containsAnyOf(Map.entry("maxUnavailable", 1), Map.entry("minAvailable", 1));
        }
    }

    // ---- the production overlay and Kafka

    @Test
    void productionPinsAnImageForEveryDeploymentAndPatchesOnlyWhatExists() throws IOException {
        Map<String, Object> kustomization = loadOne(PRODUCTION.resolve("kustomization.yaml"));
        Manifests base = Manifests.of(BASE);
        Set<String> images = new TreeSet<>();
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            images.add(String.valueOf(image.get("name")));
            assertThat(image).as("image " + image.get("name")).containsKeys("newName", "newTag");
            assertThat(String.valueOf(image.get("newTag"))).isNotIn("latest", "");
        }
        Set<String> used = new TreeSet<>();
        for (String service : SERVICES) {
            String image = String.valueOf(base.container(service).get("image"));
            used.add(image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image);
        }
        assertThat(images).as("images the overlay pins").isEqualTo(used);
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            if (patch.get("target") instanceof Map<?, ?> target && target.get("name") != null) {
                assertThat(base.find(String.valueOf(target.get("kind")), String.valueOf(target.get("name"))))
                        .as("patch target " + target).isNotNull();
            }
        }
        for (Map<String, Object> replicas : maps(kustomization.get("replicas"))) {
            assertThat(base.find("Deployment", String.valueOf(replicas.get("name")))).isNotNull();
        }
    }

    @Test
    void productionTrustsTheKafkaCaFromAFileTheDeploymentsMount() throws IOException {
        Manifests production = Manifests.of(PRODUCTION);
        List<Map<String, Object>> jsonPatch = maps(loadOne(PRODUCTION.resolve("kafka-tls.yaml")));
        String mountPath = jsonPatch.stream()
                .filter(operation -> String.valueOf(operation.get("path")).endsWith("/volumeMounts/-"))
                .map(operation -> String.valueOf(map(operation.get("value"), "mount").get("mountPath")))
                .findFirst().orElseThrow();
        for (String service : SERVICES) {
            Map<String, String> environment = production.environment(service);
            assertThat(environment.get("SPRING_KAFKA_SSL_BUNDLE")).isEqualTo("kafka");
            assertThat(environment.get("SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE"))
                    .startsWith("file:" + mountPath + "/");
        }
    }

    /** Strimzi names the bootstrap service {@code <cluster>-kafka-bootstrap} in the cluster's namespace. */
    @Test
    void productionBootstrapsFromTheStrimziListenerThatAuthenticatesWithScramOverTls() throws IOException {
        Map<String, Object> kafka = loadAll(STRIMZI.resolve("kafka.yaml")).stream()
                .filter(resource -> "Kafka".equals(resource.get("kind"))).findFirst().orElseThrow();
        String namespace = String.valueOf(load(STRIMZI.resolve("kustomization.yaml")).get("namespace"));
        Map<String, Object> listener = maps(path(kafka, "spec", "kafka", "listeners")).stream()
                .filter(candidate -> Boolean.TRUE.equals(candidate.get("tls"))
                        && "scram-sha-512".equals(path(candidate, "authentication", "type")))
                .findFirst().orElseThrow();
        String expected = name(kafka) + "-kafka-bootstrap." + namespace + ".svc:" + listener.get("port");
        Manifests production = Manifests.of(PRODUCTION);
        for (String service : SERVICES) {
            assertThat(production.environment(service)).as(service)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", expected);
        }
        assertThat(path(kafka, "spec", "kafka", "authorization", "type")).as("ACLs are enforced").isEqualTo("simple");
    }

    @Test
    void strimziDeclaresTheTopicsAsTheServicesDoWithProductionsPartitionCount() throws IOException {
        int partitions = Integer.parseInt(Manifests.of(PRODUCTION).environment("metrics-service")
                .get("PEERPULSE_KAFKA_PARTITIONS"));
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        for (Map<String, Object> topic : loadAll(STRIMZI.resolve("topics.yaml"))) {
            Map<String, Object> spec = map(topic.get("spec"), "topic spec");
            topics.put(String.valueOf(spec.get("topicName")), spec);
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrder(Topics.SESSIONS, Topics.FEEDBACK, Topics.AGENCIES,
                Topics.deadLetter(Topics.SESSIONS), Topics.deadLetter(Topics.FEEDBACK),
                Topics.deadLetter(Topics.AGENCIES));
        assertThat(map(topics.get(Topics.AGENCIES).get("config"), "config"))
                .as(Topics.AGENCIES + " keeps each agency's latest snapshot (decision 0013)")
                .containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        assertThat(topics.get(Topics.AGENCIES)).containsEntry("partitions", partitions).containsEntry("replicas", 3);
        for (String eventTopic : List.of(Topics.SESSIONS, Topics.FEEDBACK)) {
            Map<String, Object> spec = topics.get(eventTopic);
            assertThat(map(spec.get("config"), "config")).as(eventTopic + " is kept for good (docs/rebuild.md)")
                    .containsEntry("retention.ms", -1);
            assertThat(spec).as(eventTopic).containsEntry("partitions", partitions).containsEntry("replicas", 3);
            // The dead-letter publisher writes to the source record's partition number.
            assertThat(topics.get(Topics.deadLetter(eventTopic))).as(Topics.deadLetter(eventTopic))
                    .containsEntry("partitions", partitions).containsEntry("replicas", 3);
        }
        topics.forEach((name, spec) -> assertThat(map(spec.get("config"), "config")).as(name)
                .containsEntry("min.insync.replicas", 2));
    }

    @Test
    void kafkaUsersReadOnlyTheirOwnConsumerGroupAndMayNeverCreateOrAlterTopics() throws IOException {
        for (Map<String, Object> user : loadAll(STRIMZI.resolve("users.yaml"))) {
            String service = name(user);
            assertThat(SERVICES).contains(service);
            List<Map<String, Object>> acls = maps(path(user, "spec", "authorization", "acls"));
            Set<String> groups = new TreeSet<>();
            for (Map<String, Object> acl : acls) {
                assertThat(strings(acl.get("operations"))).as(service + " ACL " + acl)
                        .doesNotContain("All", "Alter", "Create", "Delete", "AlterConfigs");
                Map<String, Object> resource = map(acl.get("resource"), "resource");
                if ("group".equals(resource.get("type"))) {
                    groups.add(String.valueOf(resource.get("name")));
                }
            }
            Object groupId = path(load(ROOT.resolve(service).resolve("src/main/resources/application.yml")),
                    "spring", "kafka", "consumer", "group-id");
            assertThat(groups).as(service + " consumer groups")
                    .isEqualTo(groupId == null ? Set.of() : Set.of(String.valueOf(groupId)));
        }
    }

    // ---- what the services read

    /**
     * Variables a service reads: {@code ${NAME}} placeholders in its configuration and code, Boot's relaxed
     * binding of a property its or the platform's yml declares (server.* and spring.* from any service's yml),
     * of its {@code @ConfigurationProperties} records, and Boot's own names docs/infrastructure-security.md
     * lists (Spring Boot's own properties, bound by its relaxed rules).
     */
    private static Set<String> variablesRead(String service) throws IOException {
        Set<String> read = new TreeSet<>();
        List<Path> ownYml = List.of(ROOT.resolve(service).resolve("src/main/resources/application.yml"), PLATFORM_YML);
        for (Path file : ownYml) {
            placeholders(Files.readString(file), read);
            flatten("", load(file), read);
        }
        for (String other : SERVICES) {
            Set<String> keys = new TreeSet<>();
            flatten("", load(ROOT.resolve(other).resolve("src/main/resources/application.yml")), keys);
            keys.stream().filter(key -> !key.startsWith("PEERPULSE")).forEach(read::add);
        }
        for (Path sources : List.of(ROOT.resolve(service).resolve("src/main/java"),
                ROOT.resolve("service-platform/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    placeholders(code, read);
                    configurationProperties(code, read);
                }
            }
        }
        Matcher documented = Pattern.compile("\\bSPRING_[A-Z0-9_]+").matcher(
                Files.readString(ROOT.resolve("docs/infrastructure-security.md")));
        while (documented.find()) {
            read.add(documented.group());
        }
        // Placeholders keep their underscores; property names are compared without them, as Boot does.
        Set<String> normalized = new TreeSet<>();
        read.forEach(name -> normalized.add(name.replace("_", "")));
        return new NormalizedNames(read, normalized);
    }

    /** A set that answers for an environment variable whether it names one of the variables or properties. */
    private static final class NormalizedNames extends TreeSet<String> {

        private final Set<String> normalized;

        NormalizedNames(Set<String> exact, Set<String> normalized) {
            super(exact);
            this.normalized = normalized;
        }

        @Override
        public boolean contains(Object name) {
            return super.contains(name) || normalized.contains(String.valueOf(name).replace("_", ""));
        }
    }

    private static void placeholders(String text, Set<String> into) {
        Matcher placeholder = ENV_PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            into.add(placeholder.group(1));
        }
    }

    /** {@code server.forward-headers-strategy} becomes {@code SERVERFORWARDHEADERSSTRATEGY}. */
    private static String bound(String property) {
        return property.replace("-", "").replace(".", "").replace("_", "").toUpperCase(Locale.ROOT);
    }

    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        }
        else if (!prefix.isEmpty()) {
            into.add(bound(prefix));
        }
    }

    private static void configurationProperties(String code, Set<String> into) {
        Matcher annotated = CONFIGURATION_PROPERTIES.matcher(code);
        while (annotated.find()) {
            String prefix = annotated.group(1);
            for (String component : recordComponents(code, annotated.end())) {
                String kebab = component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                into.add(bound(prefix + "." + kebab));
            }
        }
    }

    /** The component names of a record header whose parameter list starts at {@code from}. */
    private static List<String> recordComponents(String code, int from) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder parameter = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if ((c == ')' || c == ',') && depth == 0) {
                String[] words = parameter.toString().trim().split("[\\s<>,]+");
                if (words.length > 0 && !words[words.length - 1].isEmpty()) {
                    names.add(words[words.length - 1]);
                }
                parameter.setLength(0);
                if (c == ')') {
                    break;
                }
                continue;
            }
            if (c == '(' || c == '<') {
                depth++;
            }
            else if (c == ')' || c == '>') {
                depth--;
            }
            parameter.append(c);
        }
        return names;
    }

    private static int defaultPort(String service) throws IOException {
        Object port = path(load(ROOT.resolve(service).resolve("src/main/resources/application.yml")), "server", "port");
        Matcher placeholder = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}").matcher(String.valueOf(port));
        assertThat(placeholder.matches()).as(service + " server.port " + port).isTrue();
        return Integer.parseInt(placeholder.group(1));
    }

    // ---- Dockerfiles

    private record Dockerfile(int user, List<Integer> exposed, List<String> entrypoint) {
    }

    private static Dockerfile dockerfile(String service) throws IOException {
        int user = -1;
        List<Integer> exposed = new ArrayList<>();
        List<String> entrypoint = List.of();
        for (String line : Files.readAllLines(ROOT.resolve(service).resolve("Dockerfile"))) {
            String[] instruction = line.strip().split("\\s+", 2);
            switch (instruction[0].toUpperCase(Locale.ROOT)) {
                case "USER" -> user = Integer.parseInt(instruction[1].split(":")[0]);
                case "EXPOSE" -> Stream.of(instruction[1].split("\\s+"))
                        .forEach(port -> exposed.add(Integer.parseInt(port.replace("/tcp", ""))));
                case "ENTRYPOINT" -> {
                    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(instruction[1]);
                    entrypoint = strings(parsed);
                }
                default -> {
                }
            }
        }
        assertThat(entrypoint).as(service + " Dockerfile ENTRYPOINT (exec form)").isNotEmpty();
        return new Dockerfile(user, exposed, entrypoint);
    }

    // ---- reading a kustomization

    /**
     * The resources of one kustomization directory with its bases, its generated config maps (merges applied)
     * and its strategic-merge patches' container env. Enough to answer what this test asks; not kustomize.
     */
    private record Manifests(List<Map<String, Object>> resources, Map<String, Map<String, String>> configMaps,
            Map<String, List<Map<String, Object>>> patchedEnv, Map<String, Integer> replicaOverrides) {

        static Manifests of(Path dir) throws IOException {
            Map<String, Object> kustomization = loadOne(dir.resolve("kustomization.yaml"));
            List<Map<String, Object>> resources = new ArrayList<>();
            Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
            Map<String, List<Map<String, Object>>> patchedEnv = new LinkedHashMap<>();
            Map<String, Integer> replicas = new LinkedHashMap<>();
            List<String> entries = new ArrayList<>(strings(kustomization.get("resources")));
            entries.addAll(strings(kustomization.get("components")));
            for (String entry : entries) {
                Path target = dir.resolve(entry).normalize();
                if (Files.isDirectory(target)) {
                    Manifests inner = of(target);
                    resources.addAll(inner.resources());
                    inner.configMaps().forEach((name, literals) -> configMaps.put(name, new LinkedHashMap<>(literals)));
                    inner.patchedEnv().forEach((name, env) -> patchedEnv.computeIfAbsent(name, k -> new ArrayList<>())
                            .addAll(env));
                    replicas.putAll(inner.replicaOverrides());
                }
                else {
                    resources.addAll(loadAll(target));
                }
            }
            for (Map<String, Object> generator : maps(kustomization.get("configMapGenerator"))) {
                String name = String.valueOf(generator.get("name"));
                Map<String, String> literals = new LinkedHashMap<>();
                for (String literal : strings(generator.get("literals"))) {
                    String[] pair = literal.split("=", 2);
                    literals.put(pair[0], pair.length == 2 ? pair[1] : "");
                }
                if ("merge".equals(generator.get("behavior"))) {
                    assertThat(configMaps).as(dir + " merges into an existing config map").containsKey(name);
                    configMaps.get(name).putAll(literals);
                }
                else {
                    assertThat(configMaps).as(dir + " generates " + name + " once").doesNotContainKey(name);
                    configMaps.put(name, literals);
                }
            }
            for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
                if (!patch.containsKey("path")) {
                    continue;
                }
                Object content = loadOne(dir.resolve(String.valueOf(patch.get("path"))));
                if (content instanceof Map<?, ?> strategic && "Deployment".equals(strategic.get("kind"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> deployment = (Map<String, Object>) strategic;
                    for (Map<String, Object> container : maps(path(deployment, "spec", "template", "spec", "containers"))) {
                        patchedEnv.computeIfAbsent(name(deployment), k -> new ArrayList<>())
                                .addAll(maps(container.get("env")));
                    }
                }
            }
            for (Map<String, Object> override : maps(kustomization.get("replicas"))) {
                replicas.put(String.valueOf(override.get("name")), ((Number) override.get("count")).intValue());
            }
            return new Manifests(resources, configMaps, patchedEnv, replicas);
        }

        Set<String> kinds() {
            Set<String> kinds = new TreeSet<>();
            resources.forEach(resource -> kinds.add(String.valueOf(resource.get("kind"))));
            return kinds;
        }

        List<Map<String, Object>> all(String kind) {
            return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
        }

        Map<String, Object> find(String kind, String name) {
            return all(kind).stream().filter(resource -> name.equals(name(resource))).findFirst().orElse(null);
        }

        Map<String, Object> podSpec(String deployment) {
            Map<String, Object> found = find("Deployment", deployment);
            assertThat(found).as("Deployment " + deployment).isNotNull();
            return map(path(found, "spec", "template", "spec"), deployment + " pod spec");
        }

        Map<String, Object> podLabels(String deployment) {
            return map(path(find("Deployment", deployment), "spec", "template", "metadata", "labels"), "labels");
        }

        Map<String, Object> podAnnotations(String deployment) {
            return map(path(find("Deployment", deployment), "spec", "template", "metadata", "annotations"),
                    "annotations");
        }

        Map<String, Object> container(String deployment) {
            List<Map<String, Object>> containers = maps(podSpec(deployment).get("containers"));
            assertThat(containers).as(deployment + " containers").hasSize(1);
            return containers.get(0);
        }

        int replicas(String deployment) {
            Integer override = replicaOverrides.get(deployment);
            if (override != null) {
                return override;
            }
            Object replicas = map(find("Deployment", deployment).get("spec"), "spec").get("replicas");
            return replicas == null ? 1 : ((Number) replicas).intValue();
        }

        /** The deployment's own env entries and those its patches add, later ones winning by name. */
        List<Map<String, Object>> envEntries(String deployment) {
            Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
            List<Map<String, Object>> entries = new ArrayList<>(maps(container(deployment).get("env")));
            entries.addAll(patchedEnv.getOrDefault(deployment, List.of()));
            entries.forEach(entry -> byName.put(String.valueOf(entry.get("name")), entry));
            return new ArrayList<>(byName.values());
        }

        /** Names of every variable the container gets: env entries and the keys of the maps in envFrom. */
        Set<String> environmentNames(String deployment) {
            return environment(deployment).keySet();
        }

        /** Literal values (config maps, env values); secret references as {@code <secret>}. */
        Map<String, String> environment(String deployment) {
            Map<String, String> environment = new LinkedHashMap<>();
            for (Map<String, Object> source : maps(container(deployment).get("envFrom"))) {
                assertThat(source).as(deployment + " envFrom " + source).containsOnlyKeys("configMapRef");
                String mapName = String.valueOf(map(source.get("configMapRef"), "configMapRef").get("name"));
                assertThat(configMaps).as(deployment + " imports config map " + mapName).containsKey(mapName);
                environment.putAll(configMaps.get(mapName));
            }
            for (Map<String, Object> entry : envEntries(deployment)) {
                String value = entry.containsKey("value") ? String.valueOf(entry.get("value")) : "<secret>";
                if (entry.get("valueFrom") instanceof Map<?, ?> from && from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                    value = configMaps.getOrDefault(String.valueOf(ref.get("name")), Map.of())
                            .get(String.valueOf(ref.get("key")));
                }
                environment.put(String.valueOf(entry.get("name")), value);
            }
            return environment;
        }
    }

    // ---- YAML

    private static Map<String, Object> load(Path file) throws IOException {
        return map(loadOne(file), file.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T loadOne(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (T) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    private static List<Map<String, Object>> loadAll(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document, file.toString()));
                }
            }
        }
        return documents;
    }

    private static String name(Map<String, Object> resource) {
        return String.valueOf(map(resource.get("metadata"), "metadata").get("name"));
    }

    private static Object path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object node) {
        if (node == null) {
            return List.of();
        }
        assertThat(node).isInstanceOf(List.class);
        ((List<?>) node).forEach(item -> assertThat(item).isInstanceOf(Map.class));
        return (List<Map<String, Object>>) node;
    }

    private static List<String> strings(Object node) {
        if (node == null) {
            return List.of();
        }
        assertThat(node).isInstanceOf(List.class);
        return ((List<?>) node).stream().map(String::valueOf).toList();
    }

    private static long mebibytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as("memory quantity " + quantity + " in Mi or Gi").isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("Gi") ? amount * 1024 : amount;
    }

    private static long millicores(String quantity) {
        return quantity.endsWith("m") ? Long.parseLong(quantity.substring(0, quantity.length() - 1))
                : Math.round(Double.parseDouble(quantity) * 1000);
    }

    private static Duration duration(String value) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m)?").matcher(value.trim());
        assertThat(matcher.matches()).as("duration " + value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        String unit = Objects.requireNonNullElse(matcher.group(2), "ms");
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }
}
