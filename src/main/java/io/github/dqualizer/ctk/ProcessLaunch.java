package io.github.dqualizer.ctk;

/**
 * How the JDK starts child processes ({@code process} activities, {@code processStarting}, the Python worker).
 * On Linux the default (posix_spawn through the {@code jspawnhelper} program: two execs and a handshake per child)
 * cost 4.3 ms per {@code true} on an idle 2-core host and 16-28 ms under load; {@code VFORK} (one exec) 2.2 ms and
 * 3.6-4.0 ms, on JDK 17 and 25 alike (docs/benchmarks.md, "Process start"). The JDK reads the property once, when
 * it starts the first process, so it is set at the very start of {@code main}, which covers every launch form
 * ({@code mvn spring-boot:run}, {@code java -jar}, the image).
 */
public final class ProcessLaunch {

    public static final String PROPERTY = "jdk.lang.Process.launchMechanism";
    /** The last JDK known to have {@code VFORK} (25 deprecates it and prints a warning once): an unknown value would fail every start. */
    private static final int LAST_JDK_WITH_VFORK = 25;

    private ProcessLaunch() {
    }

    /** Chooses {@code VFORK} where it exists, unless the operator chose (e.g. {@code -Djdk.lang.Process.launchMechanism=POSIX_SPAWN}). */
    public static void preferVfork() {
        if (System.getProperty(PROPERTY) == null && mechanism(System.getProperty("os.name"), Runtime.version().feature()) != null) {
            System.setProperty(PROPERTY, "VFORK");
        }
    }

    /** The mechanism to choose on that OS and JDK feature release, or {@code null} for the JDK's default. */
    static String mechanism(String osName, int jdkFeature) {
        return "Linux".equals(osName) && jdkFeature <= LAST_JDK_WITH_VFORK ? "VFORK" : null;
    }
}
