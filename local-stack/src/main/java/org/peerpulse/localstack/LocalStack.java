package org.peerpulse.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.peerpulse.localstack.auth.AuthorizationServerProperties.DemoClient;
import org.peerpulse.localstack.auth.AuthorizationServerProperties.DemoUser;

/**
 * {@code ./peerpulse up [--demo] [--fresh] [--store file|memory] [--data-dir DIR] [--only kafka,mongo,auth,...]}: starts the
 * local stack as child processes, prints where everything is, optionally seeds demo data, and stops it all
 * on Ctrl-C. Ports come from {@code PEERPULSE_*_PORT} variables (see {@link Ports#fromEnvironment}).
 *
 * <p>Children run in their own session ({@code setsid}), so Ctrl-C reaches only the launcher, which then
 * stops them in order. If the launcher itself is killed with SIGKILL no hook runs and the children stay;
 * {@code ./peerpulse up} then reports the ports as taken, and the child pids are in the log lines above.
 */
public final class LocalStack {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int LOG_LINES_ON_FAILURE = 40;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private LocalStack() {
    }

    /**
     * Starts the plan's stages in order and returns when every child is ready. On a failure it prints the
     * last lines of the failing child's log, stops what it started, and throws {@link StackFailure}.
     */
    public static RunningStack start(StackPlan plan, PrintStream out) {
        return new LocalStack().startStages(plan, out);
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        if (!arguments.isEmpty() && arguments.get(0).equals("up")) {
            arguments.remove(0);
        }
        boolean demo = arguments.remove("--demo");
        boolean fresh = arguments.remove("--fresh");
        Path dataDir = Path.of(option(arguments, "--data-dir", "data"));
        String store = option(arguments, "--store", "file");
        Set<String> only = new LinkedHashSet<>(List.of(option(arguments, "--only", "").split(",")));
        only.remove("");
        if (!arguments.isEmpty() || !StackPlan.ALL.containsAll(only) || !List.of("file", "memory").contains(store)) {
            System.err.println("usage: ./peerpulse up [--demo] [--fresh] [--store file|memory] [--data-dir DIR] [--only "
                    + String.join(",", StackPlan.ALL) + "]");
            System.exit(2);
        }
        Ports ports = Ports.fromEnvironment(System.getenv());
        StackPlan plan = StackPlan.local(Path.of(""), dataDir, fresh, ports, System.getProperty("java.class.path"), only,
                store.equals("memory") ? StackPlan.Store.MEMORY : StackPlan.Store.FILE);

        RunningStack stack;
        try {
            stack = start(plan, System.out);
        }
        catch (StackFailure failure) {
            System.err.println(failure.getMessage());
            System.exit(1);
            return;
        }
        printSummary(stack, ports, System.out);
        if (demo) {
            if (stack.child("session-service").isPresent() && stack.child("feedback-service").isPresent()) {
                seedDemoData(ports);
            }
            else {
                System.out.println("--demo needs session-service and feedback-service; nothing seeded");
            }
        }
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    /** A demo that fails leaves the stack running: it is still useful, and the message says what broke. */
    private static void seedDemoData(Ports ports) throws InterruptedException {
        try {
            DemoData.Seeded seeded = new DemoData(ports).seed();
            System.out.printf("Demo data: %d sessions, %d feedback answers (%d reporting harm) in %.1f s%n",
                    seeded.sessions(), seeded.answers(), seeded.harmReports(), seeded.took().toMillis() / 1000.0);
        }
        catch (IOException | IllegalStateException e) {
            System.out.println("Demo data incomplete: " + e.getMessage());
        }
    }

    private RunningStack startStages(StackPlan plan, PrintStream out) {
        List<Integer> taken = takenPorts(plan);
        if (!taken.isEmpty()) {
            throw new StackFailure(null, "Ports already in use on 127.0.0.1: " + taken
                    + " (is another ./peerpulse up running? Set PEERPULSE_*_PORT to move it.)");
        }
        List<Path> missing = plan.missingJars();
        if (!missing.isEmpty()) {
            throw new StackFailure(null, "Not built yet: " + missing + " (run ./mvnw -B -ntp -DskipTests install)");
        }
        prepareDataDir(plan, out);
        RunningStack stack = new RunningStack(plan, out);
        try {
            for (List<ChildSpec> stage : plan.stages()) {
                stack.beginStage();
                List<RunningChild> started = stage.stream().map(stack::launch).toList();
                started.forEach(child -> out.printf("[%5.1fs] starting %s (pid %d, log %s)%n",
                        stack.elapsedSeconds(), child.name(), child.handle().pid(), child.log()));
                awaitReady(started, stack, plan.readinessTimeout(), out);
            }
            return stack;
        }
        catch (RuntimeException | Error failure) {
            stack.close();
            throw failure;
        }
    }

    private static List<Integer> takenPorts(StackPlan plan) {
        return plan.children().stream()
                .map(ChildSpec::address)
                .map(address -> address.substring(address.lastIndexOf(':') + 1))
                .map(Integer::parseInt)
                .filter(Ports::inUse)
                .toList();
    }

    private static void prepareDataDir(StackPlan plan, PrintStream out) {
        try {
            if (plan.fresh() && Files.exists(plan.dataDir())) {
                out.println("--fresh: removing " + plan.dataDir());
                try (Stream<Path> paths = Files.walk(plan.dataDir())) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(plan.logDir());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + plan.dataDir(), e);
        }
    }

    private void awaitReady(List<RunningChild> stage, RunningStack stack, Duration timeout, PrintStream out) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<RunningChild> waiting = new ArrayList<>(stage);
        while (!waiting.isEmpty()) {
            for (RunningChild child : List.copyOf(waiting)) {
                if (isReady(child)) {
                    waiting.remove(child);
                    out.printf("[%5.1fs] %s ready at %s%n", stack.elapsedSeconds(), child.name(), child.spec().address());
                }
                else if (!child.isAlive()) {
                    throw failed(child, "exited with code " + child.exitValue() + " before it was ready", out);
                }
                else if (System.nanoTime() > deadline) {
                    throw failed(child, "was not ready within " + timeout.toSeconds() + " s", out);
                }
            }
            if (!waiting.isEmpty()) {
                pause();
            }
        }
    }

    private boolean isReady(RunningChild child) {
        try {
            if (child.spec().readiness() instanceof Readiness.OutputLine line) {
                return child.loggedLine(line.line());
            }
            Readiness.HttpOk ok = (Readiness.HttpOk) child.spec().readiness();
            HttpRequest probe = HttpRequest.newBuilder(ok.uri()).timeout(Duration.ofSeconds(2)).build();
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException notYet) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure(child.name(), "Interrupted while waiting for " + child.name());
        }
    }

    private static StackFailure failed(RunningChild child, String what, PrintStream out) {
        out.printf("%n%s %s. Last lines of %s:%n", child.name(), what, child.log());
        child.lastLogLines(LOG_LINES_ON_FAILURE).forEach(line -> out.println("  | " + line));
        return new StackFailure(child.name(), child.name() + " " + what + "; stopped everything. See " + child.log());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure(null, "Interrupted while starting");
        }
    }

    private static void printSummary(RunningStack stack, Ports ports, PrintStream out) {
        out.println();
        out.println("PeerPulse local stack");
        for (RunningChild child : stack.children()) {
            String rss = child.residentKib().stream().mapToObj(kib -> String.format("%4d MiB", kib / 1024))
                    .findFirst().orElse("   ? MiB");
            out.printf("  %-17s %-28s pid %-7d %s resident%n", child.name(), child.spec().address(),
                    child.handle().pid(), rss);
        }
        if (stack.child("session-service").isPresent()) {
            out.printf("  workspace         http://127.0.0.1:%d/   (specialists; /admin for quality leads)%n",
                    ports.session());
        }
        if (stack.child("metrics-service").isPresent()) {
            out.printf("  dashboard         http://127.0.0.1:%d/   (quality leads; /learning for specialists)%n",
                    ports.metrics());
        }
        out.printf("  data and logs     %s%n", stack.plan().dataDir());
        out.println();
        out.println("Local demo credentials (client_credentials; never use them anywhere else):");
        for (DemoClient client : DemoClient.LOCAL_DEMO_CLIENTS) {
            out.printf("  %-13s %-20s agency %-8s roles %s%n", client.id(), client.secret(),
                    client.agency() == null ? "-" : client.agency(), client.roles());
        }
        if (stack.child("metrics-service").isPresent()) {
            out.println();
            out.printf("Sign in to the workspace and the dashboard (local demo logins, never use them anywhere else):%n");
            for (DemoUser user : DemoUser.LOCAL_DEMO_USERS) {
                out.printf("  %-13s %-22s agency %-8s roles %s%n", user.username(), user.password(), user.agency(),
                        user.roles());
            }
        }
        out.println();
        out.println("Get a token:");
        out.printf("  curl -s -u harbor-lead:harbor-lead-secret -d grant_type=client_credentials http://127.0.0.1:%d/oauth2/token%n",
                ports.auth());
        out.println();
        out.printf("Ready in %.1f s%n", stack.elapsedSeconds());
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= arguments.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = arguments.get(at + 1);
        arguments.subList(at, at + 2).clear();
        return value;
    }
}
