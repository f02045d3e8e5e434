package io.github.dqualizer.ctk.engine.method;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.activity.ActivityExecutor;
import io.github.dqualizer.ctk.engine.activity.BackgroundActivities;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.engine.run.RunSession;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.List;
import java.util.Map;

/** The method (3.6): activities in order, background ones in a pool; a crash aborts the run. */
public final class MethodRunner {

    private final RunSession session;
    private final ActivityExecutor executor;

    public MethodRunner(RunSession session, ActivityExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** @throws RunInterruptedException when cancelled; background activities are interrupted and awaited first */
    public void run() {
        List<?> method = session.experiment().get("method") instanceof List<?> l ? l : List.of();
        long backgroundCount = method.stream()
                .filter(e -> e instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("background"))).count();
        BackgroundActivities background = new BackgroundActivities("ctk-" + session.runId() + "-method",
                (int) backgroundCount, session.journal());
        try {
            session.controls().before("method", session.experiment());
            for (Object item : method) {
                Map<?, ?> entry = (Map<?, ?>) item;
                if (Boolean.TRUE.equals(entry.get("background"))) {
                    background.submit(executor, entry, ActivityPhase.METHOD, session.journal().run());
                } else {
                    executor.execute(entry, ActivityPhase.METHOD, session.journal().run());
                }
                if (session.journal().statusIn("aborted", "failed", "interrupted")) {
                    break;
                }
            }
        } catch (PythonError e) {
            session.journal().errors().add("method: " + e.describe());
            session.journal().status("aborted");
        } catch (RunInterruptedException e) {
            background.interrupt();
            throw e;
        } finally {
            background.await();
            session.controls().after("method", session.experiment(), session.journal().run());
        }
    }
}
