package io.github.dqualizer.ctk.engine.rollback;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.activity.ActivityExecutor;
import io.github.dqualizer.ctk.engine.activity.BackgroundActivities;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.engine.run.RunSession;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.List;
import java.util.Map;

/** Rollbacks (3.8): each in order, a failure does not stop the others; an interruption does. */
public final class RollbackRunner {

    private final RunSession session;
    private final ActivityExecutor executor;

    public RollbackRunner(RunSession session, ActivityExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** chaoslib's decision, taken from the status before normalisation. */
    public static boolean shouldPlay(String strategy, String status, boolean deviated) {
        return switch (strategy) {
            case "default" -> !"failed".equals(status) && !"interrupted".equals(status);
            case "always" -> true;
            case "deviated" -> deviated;
            default -> false;
        };
    }

    /** @return false when an interruption cut the rollbacks short */
    public boolean run() {
        List<?> rollbacks = session.experiment().get("rollbacks") instanceof List<?> l ? l : List.of();
        long backgroundCount = rollbacks.stream()
                .filter(e -> e instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("background"))).count();
        BackgroundActivities background = new BackgroundActivities("ctk-" + session.runId() + "-rollback",
                (int) backgroundCount, session.journal());
        boolean cut = false;
        try {
            session.controls().before("rollback", session.experiment());
            for (Object item : rollbacks) {
                Map<?, ?> entry = (Map<?, ?>) item;
                try {
                    if (Boolean.TRUE.equals(entry.get("background"))) {
                        background.submit(executor, entry, ActivityPhase.ROLLBACK, session.journal().rollbacks());
                    } else {
                        executor.execute(entry, ActivityPhase.ROLLBACK, session.journal().rollbacks());
                    }
                } catch (PythonError e) {
                    // chaoslib lets this escape the run; for safety the other rollbacks still run
                    session.journal().errors().add("rollback: " + e.describe());
                    session.journal().status("aborted");
                }
            }
        } catch (RunInterruptedException e) {
            session.journal().status("interrupted");
            background.interrupt();
            cut = true;
        } finally {
            background.await();
            try {
                session.controls().after("rollback", session.experiment(), session.journal().rollbacks());
            } catch (RunInterruptedException e) {
                session.journal().status("interrupted");
            }
        }
        if (!cut && backgroundCount > 0 && Thread.currentThread().isInterrupted()) {
            // interrupted while waiting for the background rollbacks, which were interrupted in turn
            session.journal().status("interrupted");
            cut = true;
        }
        return !cut;
    }
}
