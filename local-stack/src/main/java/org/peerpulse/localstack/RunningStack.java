package org.peerpulse.localstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The started children. {@link #close()} stops them stage by stage in reverse start order (services
 * first, the broker and the store last so they flush), each with its descendants: SIGTERM, then a kill
 * after the plan's stop timeout. A shutdown hook does the same when the JVM ends on Ctrl-C or SIGTERM.
 */
public final class RunningStack implements AutoCloseable {

    private final StackPlan plan;
    private final PrintStream out;
    private final List<List<RunningChild>> stages = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "local-stack-shutdown");
    private final long startedAt = System.nanoTime();
    private boolean stopped;

    RunningStack(StackPlan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public StackPlan plan() {
        return plan;
    }

    public synchronized List<RunningChild> children() {
        return stages.stream().flatMap(List::stream).toList();
    }

    public Optional<RunningChild> child(String name) {
        return children().stream().filter(child -> child.name().equals(name)).findFirst();
    }

    /** Seconds since this stack began to start. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    synchronized void beginStage() {
        stages.add(new ArrayList<>());
    }

    /**
     * Starts a child of the current stage. Starting and stopping share one lock, so a Ctrl-C while a child
     * starts either comes first (and nothing starts) or sees the new child and stops it.
     *
     * <p>The command runs under {@code setsid} where there is one, so a terminal's Ctrl-C reaches only the
     * launcher, which then stops the children in order.
     */
    synchronized RunningChild launch(ChildSpec spec) {
        if (stopped) {
            throw new StackFailure(spec.name(), "Stopping; not starting " + spec.name());
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(spec.command());
        Path log = plan.logDir().resolve(spec.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(spec.environment());
        try {
            RunningChild child = new RunningChild(spec, builder.start(), log);
            stages.get(stages.size() - 1).add(child);
            return child;
        }
        catch (IOException e) {
            throw new StackFailure(spec.name(), "Cannot start " + spec.name() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException alreadyShuttingDown) {
            // close() ran from the hook's own shutdown; nothing to remove.
        }
    }

    private synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (int i = stages.size() - 1; i >= 0; i--) {
            List<RunningChild> stage = stages.get(i);
            List<List<ProcessHandle>> families = new ArrayList<>();
            for (RunningChild child : stage) {
                if (child.isAlive()) {
                    out.printf("[%5.1fs] stopping %s%n", elapsedSeconds(), child.name());
                }
                families.add(child.requestStop());
            }
            families.forEach(family -> RunningChild.awaitExit(family, plan.stopTimeout()));
        }
        out.printf("[%5.1fs] stopped%n", elapsedSeconds());
    }
}
