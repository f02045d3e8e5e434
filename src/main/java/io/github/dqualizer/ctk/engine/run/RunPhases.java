package io.github.dqualizer.ctk.engine.run;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.RunStop;
import io.github.dqualizer.ctk.engine.SteadyStates;
import io.github.dqualizer.ctk.engine.activity.ActivityExecutor;
import io.github.dqualizer.ctk.engine.activity.ProviderInvoker;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.engine.hypothesis.ContinuousHypothesis;
import io.github.dqualizer.ctk.engine.hypothesis.HypothesisEvaluator;
import io.github.dqualizer.ctk.engine.journal.JournalState;
import io.github.dqualizer.ctk.engine.method.MethodRunner;
import io.github.dqualizer.ctk.engine.rollback.RollbackRunner;
import io.github.dqualizer.ctk.engine.tolerance.ToleranceChecker;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.Map;

/**
 * chaoslib's {@code Runner._run} phase order (3.2): before-hypothesis, continuous hypothesis, method,
 * after-hypothesis, rollbacks. Unlike chaoslib, an interrupted run plays its rollbacks unless the strategy is never.
 */
final class RunPhases {

    private final RunSession session;
    private final RuntimeSettings settings;
    private final ActivityExecutor executor;
    private final HypothesisEvaluator hypothesis;
    private final JournalState journal;
    private final RunStop stop;

    public RunPhases(RunSession session, RuntimeSettings settings, ProviderInvoker providers, RunStop stop) {
        this.session = session;
        this.stop = stop;
        this.settings = settings;
        this.executor = new ActivityExecutor(session, providers);
        this.hypothesis = new HypothesisEvaluator(session, executor,
                new ToleranceChecker(session.scope(), providers, session.context()));
        this.journal = session.journal();
    }

    /**
     * @param rollbacksOnly recovering a run whose instance died: it counts as interrupted, only rollbacks play
     * @return whether the run was interrupted
     */
    public boolean run(boolean rollbacksOnly) {
        if (rollbacksOnly) {
            journal.status("interrupted");
        }
        boolean interrupted = rollbacksOnly || experimentPhases();
        if (!interrupted && Thread.currentThread().isInterrupted()) {
            journal.status("interrupted");
            interrupted = true;
        }
        boolean play = interrupted ? !"never".equals(settings.rollbacks())
                : RollbackRunner.shouldPlay(settings.rollbacks(), journal.status(), journal.deviated());
        if (play) {
            stop.rollbacksBegin(); // rollbacks run even when the run was cancelled; only a cut-short (or raw interrupt) stops them
            if (!new RollbackRunner(session, executor).run()) {
                journal.errors().add("rollbacks: cut short before their end, "
                        + stop.cutShortReason().orElse("the run's thread was interrupted"));
            }
        }
        return interrupted || journal.statusIn("interrupted");
    }

    private boolean experimentPhases() {
        HypothesisStrategy strategy = settings.hypothesis();
        boolean withSsh = strategy != HypothesisStrategy.SKIP && hypothesis.hasProbes();
        ContinuousHypothesis continuous = null;
        try {
            session.controls().before("experiment", session.experiment());
            if (withSsh && strategy.before) {
                Map<String, Object> state = hypothesis.evaluate(ActivityPhase.HYPOTHESIS_BEFORE, journal::before);
                if (!Boolean.TRUE.equals(state.get("steady_state_met"))) {
                    journal.status(SteadyStates.allSucceeded(state) ? "completed" : "failed");
                    return false;
                }
            }
            if (withSsh && strategy.during) {
                continuous = new ContinuousHypothesis(hypothesis, journal, settings.frequency(), settings.failFast());
                continuous.start(session.runId());
            }
            try {
                new MethodRunner(session, executor).run();
            } finally {
                if (continuous != null) {
                    continuous.stop();
                }
            }
            if (!journal.statusIn("interrupted", "aborted") && withSsh && strategy.after) {
                Map<String, Object> state = hypothesis.evaluate(ActivityPhase.HYPOTHESIS_AFTER, journal::after);
                if (!Boolean.TRUE.equals(state.get("steady_state_met"))) {
                    journal.deviated(true);
                    journal.status(SteadyStates.allSucceeded(state) ? "completed" : "failed");
                }
            }
            return false;
        } catch (RunInterruptedException e) {
            journal.status("interrupted");
            if (continuous != null) {
                continuous.cancel();
            }
            return true;
        } catch (PythonError e) {
            journal.errors().add("hypothesis: " + e.describe());
            journal.status("aborted");
            return false;
        } finally {
            if (continuous != null) {
                continuous.join();
            }
        }
    }
}
