package org.peerpulse.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on the console, each with the seconds since the run began. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(), String.format(Locale.ROOT, format, args));
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    PrintStream out() {
        return out;
    }
}
