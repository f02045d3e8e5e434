package io.github.dqualizer.ctk;

/**
 * MySQL Connector/J runs a thread that wakes every 5 s to close the sockets of connections garbage-collected without
 * {@code close()}. Here every connection is closed by its owner (Hikari's pool; the account check's
 * try-with-resources), so it never finds one: it is a thread and a periodic wake-up of the idle service for nothing
 * (issue 18; docs/operations.md, "Periodic tasks"). Switched off at the very start of {@code main}, before the driver
 * loads; an operator's {@code -Dcom.mysql.cj.disableAbandonedConnectionCleanup} wins.
 */
public final class AbandonedConnectionCleanup {

    public static final String PROPERTY = "com.mysql.cj.disableAbandonedConnectionCleanup";

    private AbandonedConnectionCleanup() {
    }

    /** Connector/J starts no cleanup thread, unless the operator chose. */
    public static void off() {
        JvmDefaults.setUnlessGiven(PROPERTY, "true");
    }
}
