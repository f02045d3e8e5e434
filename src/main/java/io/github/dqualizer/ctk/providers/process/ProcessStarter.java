package io.github.dqualizer.ctk.providers.process;

import java.io.IOException;

/**
 * Starts the child process of a {@code process} activity. On JDK 22+ (Linux) {@link #forThisJvm()} is a posix_spawn
 * start through the foreign-function API (src/main/java22): no per-descriptor close loop in the child and no reaper
 * thread per process (docs/benchmarks.md, "Native process start"); elsewhere, and with {@code -Dctk.engine.process-start=jdk},
 * it is {@link ProcessBuilder#start()}.
 */
public interface ProcessStarter {

    /** {@code auto} (default): the native start where it is available; {@code jdk}: always {@link ProcessBuilder#start()}. */
    String PROPERTY = "ctk.engine.process-start";

    /** Starts {@code builder}'s command with {@code builder}'s settings, as {@link ProcessBuilder#start()} would. */
    Process start(ProcessBuilder builder) throws IOException;

    /** The JDK's own start. */
    static ProcessStarter jdk() {
        return ProcessBuilder::start;
    }

    /** The start this JVM uses, chosen once (and logged) on first use. */
    static ProcessStarter forThisJvm() {
        return ProcessStarterChoice.CHOSEN;
    }
}
