package io.github.dqualizer.ctk.engine.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mutable outcome of one run, shared by the main thread, background activities and the continuous hypothesis. */
public final class JournalState {

    private final Instant started = Timestamps.now();
    private volatile String status;
    private volatile boolean deviated;
    private volatile Map<String, Object> before;
    private volatile Map<String, Object> after;
    private final List<Map<String, Object>> during = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> run = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> rollbacks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    public Instant started() {
        return started;
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    public boolean statusIn(String... values) {
        for (String value : values) { // once per activity: no Set built
            if (value.equals(status)) {
                return true;
            }
        }
        return false;
    }

    public boolean deviated() {
        return deviated;
    }

    public void deviated(boolean deviated) {
        this.deviated = deviated;
    }

    public Map<String, Object> before() {
        return before;
    }

    public void before(Map<String, Object> state) {
        this.before = state;
    }

    public Map<String, Object> after() {
        return after;
    }

    public void after(Map<String, Object> state) {
        this.after = state;
    }

    public List<Map<String, Object>> during() {
        return during;
    }

    public List<Map<String, Object>> run() {
        return run;
    }

    public List<Map<String, Object>> rollbacks() {
        return rollbacks;
    }

    /** Errors that chaoslib would have let escape the run; kept in the journal's {@code dqualizer-ctk} block. */
    public List<String> errors() {
        return errors;
    }
}
