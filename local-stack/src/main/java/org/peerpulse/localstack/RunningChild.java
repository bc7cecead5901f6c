package org.peerpulse.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A started child process and its log file. */
public final class RunningChild {

    private final ChildSpec spec;
    private final Process process;
    private final Path log;
    private long scannedUpTo;
    private String partialLine = "";

    RunningChild(ChildSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    public String name() {
        return spec.name();
    }

    public ChildSpec spec() {
        return spec;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    /** Resident memory from {@code /proc/<pid>/status}; empty where there is no {@code /proc}. */
    public OptionalLong residentKib() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst();
        }
        catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the log has gained the given line since the last look; reads only what is new. */
    boolean loggedLine(String wanted) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= scannedUpTo) {
                return false;
            }
            file.seek(scannedUpTo);
            byte[] fresh = new byte[(int) (file.length() - scannedUpTo)];
            file.readFully(fresh);
            scannedUpTo += fresh.length;
            String text = partialLine + new String(fresh, StandardCharsets.UTF_8);
            int lastBreak = text.lastIndexOf('\n');
            partialLine = text.substring(lastBreak + 1);
            return text.substring(0, lastBreak + 1).lines().anyMatch(line -> line.strip().equals(wanted));
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    List<String> lastLogLines(int count) {
        Deque<String> tail = new ArrayDeque<>(count);
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                if (tail.size() == count) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        }
        catch (IOException | RuntimeException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
        return List.copyOf(tail);
    }

    /** Asks the child and whatever it started to stop (SIGTERM), without waiting. */
    List<ProcessHandle> requestStop() {
        List<ProcessHandle> family = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        family.forEach(ProcessHandle::destroy);
        return family;
    }

    /** Waits for the family to exit, killing what is still there after the timeout. */
    static void awaitExit(List<ProcessHandle> family, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle member : family) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                member.onExit().get(left, TimeUnit.NANOSECONDS);
            }
            catch (Exception notInTime) {
                member.descendants().forEach(ProcessHandle::destroyForcibly);
                member.destroyForcibly();
                member.onExit().join();
            }
        }
    }
}
