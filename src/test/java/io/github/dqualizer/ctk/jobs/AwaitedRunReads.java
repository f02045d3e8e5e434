package io.github.dqualizer.ctk.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the statements Hibernate sends that read runs by id ({@code ... FROM experiment_runs ... WHERE ... id = ?} or
 * {@code id IN (...)}): what a waiting request's poll of its run sends. Installed with
 * {@code spring.jpa.properties.hibernate.session_factory.statement_inspector}; Hibernate creates it by name, hence the
 * static counter, shared by every instance of the JVM.
 */
public class AwaitedRunReads implements StatementInspector {

    static final AtomicInteger COUNT = new AtomicInteger();
    /** The counted statements: when, which thread, what. */
    static final List<Read> SEEN = new CopyOnWriteArrayList<>();

    record Read(Instant at, String thread, String sql) {
    }

    static final String PROPERTY = "spring.jpa.properties.hibernate.session_factory.statement_inspector";

    static void reset() {
        COUNT.set(0);
        SEEN.clear();
    }

    @Override
    public String inspect(String sql) {
        String statement = sql.toLowerCase(Locale.ROOT);
        if (statement.startsWith("select") && statement.contains("from experiment_runs")
                && statement.matches("(?s).*where\\s+\\w+\\.id\\s*(=|in).*")) {
            COUNT.incrementAndGet();
            SEEN.add(new Read(Instant.now(), Thread.currentThread().getName(), sql));
        }
        return sql;
    }
}

