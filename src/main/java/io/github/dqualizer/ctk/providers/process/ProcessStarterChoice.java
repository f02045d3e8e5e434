package io.github.dqualizer.ctk.providers.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the {@link ProcessStarter} once per JVM: the native one needs JDK 22+ and a probe that succeeds. */
final class ProcessStarterChoice {

    /** Compiled from src/main/java22 only when a JDK 22+ compiler was there (pom.xml, profiles {@code native-start-*}). */
    static final String NATIVE_STARTER = "io.github.dqualizer.ctk.providers.process.PosixSpawnStarter";
    private static final Logger log = LoggerFactory.getLogger(ProcessStarter.class);
    static final ProcessStarter CHOSEN = choose(setting());

    private ProcessStarterChoice() {
    }

    /** A JVM system property, or the environment variable: read before Spring starts, by code built outside it too. */
    private static String setting() {
        String property = System.getProperty(ProcessStarter.PROPERTY);
        String variable = System.getenv("CTK_ENGINE_PROCESS_START");
        return property != null ? property : variable != null ? variable : "auto";
    }

    private static ProcessStarter choose(String setting) {
        if ("jdk".equals(setting)) {
            log.info("Process activities start with java.lang.ProcessBuilder ({}=jdk)", ProcessStarter.PROPERTY);
            return ProcessStarter.jdk();
        }
        if (!"auto".equals(setting)) {
            log.warn("Unknown {}={}: using auto", ProcessStarter.PROPERTY, setting);
        }
        if (Runtime.version().feature() < 22) {
            log.info("Process activities start with java.lang.ProcessBuilder (posix_spawn needs JDK 22+)");
            return ProcessStarter.jdk();
        }
        try {
            // the constructor probes the C library and the kernel (Linux, glibc 2.36+, pidfd_open)
            ProcessStarter starter = Class.forName(NATIVE_STARTER).asSubclass(ProcessStarter.class)
                    .getDeclaredConstructor().newInstance();
            log.info("Process activities start with posix_spawn through the foreign-function API");
            return starter;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e; // the probe's own reason, not its reflective or class-initialisation wrappers
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            log.info("Process activities start with java.lang.ProcessBuilder (posix_spawn unavailable: {})", String.valueOf(cause));
            return ProcessStarter.jdk();
        }
    }
}
