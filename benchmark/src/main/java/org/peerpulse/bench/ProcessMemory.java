package org.peerpulse.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of the stack's processes, read from {@code /proc/<pid>/status} (VmRSS) while load runs.
 * A process is found by the port it listens on ({@code /proc/net/tcp*} gives the socket inode, a process's
 * {@code fd} directory names it), so this works the same for a stack this run started and one it found.
 */
final class ProcessMemory implements AutoCloseable {

    private final Map<String, Integer> ports;
    private final Map<String, Double> peakMb = new ConcurrentHashMap<>();
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean sampling;

    ProcessMemory(Map<String, Integer> ports) {
        this.ports = ports;
        sampler.scheduleAtFixedRate(this::sampleIfOn, 0, 1, TimeUnit.SECONDS);
    }

    /** Samples count only between {@code start()} and {@code stop()}: at load, not idle or while starting. */
    void start() {
        sampling = true;
    }

    void stop() {
        sampling = false;
    }

    /** The highest resident size seen for each process while sampling was on, in MiB. */
    Map<String, Double> peaksMb() {
        Map<String, Double> ordered = new java.util.LinkedHashMap<>();
        ports.keySet().forEach(name -> {
            if (peakMb.containsKey(name)) {
                ordered.put(name, peakMb.get(name));
            }
        });
        return ordered;
    }

    private void sampleIfOn() {
        if (!sampling) {
            return;
        }
        ports.forEach((name, port) -> {
            Long pid = pids.computeIfAbsent(name, n -> {
                Long found = pidListeningOn(port);
                return found == null ? -1L : found;
            });
            if (pid < 0) {
                pids.remove(name);
                return;
            }
            Double mb = residentMb(pid);
            if (mb == null) {
                pids.remove(name);
                return;
            }
            peakMb.merge(name, mb, Math::max);
        });
    }

    static Double residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The process (of this user) with a listening socket on this local port, or null. */
    static Long pidListeningOn(int port) {
        String inode = listeningInode(port);
        if (inode == null) {
            return null;
        }
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (Files.readSymbolicLink(fd).toString().equals(target)) {
                                return Long.parseLong(process.getFileName().toString());
                            }
                        }
                        catch (IOException e) {
                            // closed meanwhile
                        }
                    }
                }
                catch (IOException | SecurityException e) {
                    // another user's process, or gone
                }
            }
        }
        catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String listeningInode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st ... inode is the 10th column; 0A = LISTEN
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        return f[9];
                    }
                }
            }
            catch (IOException e) {
                // no IPv6 table
            }
        }
        return null;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
