package org.peerpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU seconds per process per phase: user plus system time ({@code utime + stime} of {@code /proc/<pid>/stat}, all
 * of a process's threads) of the stack's processes (found by the port they listen on, like {@link ProcessMemory}),
 * of this benchmark's own JVM (the load generators) and of every child it starts ({@link #track}). A phase's figure
 * per process is what its CPU time grew by between the phase's start and end; a process that started during the
 * phase counts from zero, and one that ended during it (a perf tool, a restarted service) counts to the last
 * sample, taken every 250 ms, so at most its last quarter second is missing.
 */
final class ProcessCpu implements AutoCloseable {

    private static final double TICKS_PER_SECOND = clockTicks();

    private final Map<String, Integer> ports;
    private final Map<String, Long> portPids = new ConcurrentHashMap<>();
    /** When a process not listening yet was last looked for: scanning every process's sockets is not free. */
    private final Map<String, Long> lookedFor = new ConcurrentHashMap<>();
    private final Map<Long, String> tracked = new ConcurrentHashMap<>();
    /** The last CPU ticks seen of each process, and whose they are. */
    private final Map<Long, Long> ticks = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Double>> byPhase = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ProcessCpu(Map<String, Integer> ports) {
        this.ports = Map.copyOf(ports);
        tracked.put(ProcessHandle.current().pid(), "benchmark");
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    /** A process this run started (a perf tool, the Streams peer, the bare endpoint), under a name for the report. */
    void track(String name, long pid) {
        tracked.put(pid, name);
        sample();
    }

    /** Starts measuring a phase (or a step of one); phases may nest. */
    Phase start(String phase) {
        sample();
        return new Phase(phase, Map.copyOf(ticks));
    }

    /** Seconds per process for every phase measured so far, in the order they ended. */
    synchronized Map<String, Map<String, Double>> byPhase() {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        byPhase.forEach((phase, seconds) -> copy.put(phase, new LinkedHashMap<>(seconds)));
        return copy;
    }

    final class Phase {

        private final String name;
        private final Map<Long, Long> atStart;

        private Phase(String name, Map<Long, Long> atStart) {
            this.name = name;
            this.atStart = atStart;
        }

        /** Ends the phase and returns its CPU seconds per process (processes that used none are left out). */
        Map<String, Double> stop() {
            sample();
            Map<String, Double> seconds = new LinkedHashMap<>();
            ticks.forEach((pid, now) -> {
                long used = now - atStart.getOrDefault(pid, 0L);
                if (used > 0) {
                    seconds.merge(names.get(pid), used / TICKS_PER_SECOND, Double::sum);
                }
            });
            Map<String, Double> ordered = new LinkedHashMap<>();
            seconds.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                    .forEach(e -> ordered.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
            synchronized (ProcessCpu.this) {
                byPhase.put(name, ordered);
            }
            return ordered;
        }
    }

    private synchronized void sample() {
        ports.forEach((name, port) -> {
            Long pid = portPids.get(name);
            if (pid == null || !read(pid, name)) {
                portPids.remove(name);
                long now = System.nanoTime();
                Long last = lookedFor.get(name);
                if (last != null && now - last < TimeUnit.SECONDS.toNanos(1)) {
                    return;
                }
                lookedFor.put(name, now);
                Long found = ProcessMemory.pidListeningOn(port);
                if (found != null && read(found, name)) {
                    portPids.put(name, found);
                }
            }
        });
        tracked.forEach((pid, name) -> {
            if (!read(pid, name)) {
                tracked.remove(pid);
            }
        });
    }

    private boolean read(long pid, String name) {
        Long now = cpuTicks(pid);
        if (now == null) {
            return false;
        }
        ticks.put(pid, now);
        names.put(pid, name);
        return true;
    }

    /** {@code utime + stime} in clock ticks, or null when the process is gone. */
    static Long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        }
        catch (IOException | RuntimeException e) {
            return 100;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
