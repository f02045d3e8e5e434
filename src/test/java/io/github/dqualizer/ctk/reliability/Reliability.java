package io.github.dqualizer.ctk.reliability;

import java.nio.file.Path;

/** Where the reliability tests put the logs of the processes they start, and how they report figures. */
final class Reliability {

    private Reliability() {
    }

    /** A log file under target/reliability (build output, kept for inspection after a failure). */
    static Path log(String name) {
        return Path.of("target", "reliability", name + "-" + System.currentTimeMillis() + ".log").toAbsolutePath();
    }

    /** Measured figures go to the test output, where docs/reliability.md took them from. */
    static void report(String format, Object... args) {
        System.out.println("[reliability] " + String.format(format, args));
    }
}
