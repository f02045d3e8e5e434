package io.github.dqualizer.ctk;

/**
 * How many Netty event loops serve HTTP (the API, and Reactor Netty's clients). Reactor Netty runs
 * {@code max(cores, 4)}: four on a 2-core host, where each loop wakes once a second even when idle (Netty 4.2 waits
 * at most a second when nothing is scheduled) and holds three descriptors that every child process on JDK 17 closes
 * before it execs. The loops only move bytes, the service's work runs elsewhere, so one per core is enough
 * (docs/benchmarks.md, "Issue 18: wake-ups on a slow day"). Set at the very start of {@code main}, before Reactor
 * Netty reads it; an operator's {@code -Dreactor.netty.ioWorkerCount} wins.
 */
public final class EventLoops {

    public static final String PROPERTY = "reactor.netty.ioWorkerCount";

    private EventLoops() {
    }

    /** One event loop per core, unless the operator chose. */
    public static void onePerCore() {
        JvmDefaults.setUnlessGiven(PROPERTY, Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
}
