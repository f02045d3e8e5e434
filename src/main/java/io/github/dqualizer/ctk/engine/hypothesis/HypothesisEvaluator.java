package io.github.dqualizer.ctk.engine.hypothesis;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.activity.ActivityExecutor;
import io.github.dqualizer.ctk.engine.activity.RunInterruptedException;
import io.github.dqualizer.ctk.engine.run.RunSession;
import io.github.dqualizer.ctk.engine.tolerance.ToleranceChecker;
import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** chaoslib's {@code run_steady_state_hypothesis} (3.4): probes in order, stop at the first miss or failure. */
public final class HypothesisEvaluator {

    private final RunSession session;
    private final ActivityExecutor executor;
    private final ToleranceChecker tolerances;

    public HypothesisEvaluator(RunSession session, ActivityExecutor executor, ToleranceChecker tolerances) {
        this.session = session;
        this.executor = executor;
        this.tolerances = tolerances;
    }

    public boolean hasProbes() {
        return !probes().isEmpty();
    }

    /**
     * Evaluates once. {@code publish} receives the state before the first probe runs, so that a crash or an
     * interruption still leaves the partial state (with {@code steady_state_met: null}) in the journal.
     */
    public Map<String, Object> evaluate(ActivityPhase phase, Consumer<Map<String, Object>> publish) {
        Map<String, Object> hypothesis = hypothesis();
        Map<String, Object> result = null;
        try {
            session.controls().before("hypothesis", hypothesis);
            result = evaluateProbes(phase, publish);
            return result;
        } finally {
            session.controls().after("hypothesis", hypothesis, result);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> hypothesis() {
        return session.experiment().get("steady-state-hypothesis") instanceof Map<?, ?> h
                ? (Map<String, Object>) h : new LinkedHashMap<>();
    }

    private Map<String, Object> evaluateProbes(ActivityPhase phase, Consumer<Map<String, Object>> publish) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("steady_state_met", null);
        List<Map<String, Object>> records = Collections.synchronizedList(new ArrayList<>());
        state.put("probes", records);
        publish.accept(state);
        boolean met = true;
        for (Object entry : probes()) {
            Map<?, ?> probe = (Map<?, ?>) entry;
            Map<String, Object> record = executor.execute(probe, phase, records);
            if ("failed".equals(record.get("status"))) {
                record.put("tolerance_met", false);
                met = false;
                break;
            }
            record.put("tolerance_met", true);
            DryMode dry = session.dry();
            if (dry == DryMode.PROBES || dry == DryMode.ACTIVITIES) {
                continue;
            }
            if (!withinTolerance(probe.get("tolerance"), record)) {
                record.put("tolerance_met", false);
                met = false;
                break;
            }
        }
        state.put("steady_state_met", met);
        session.listeners().hypothesisEvaluated(phase, state);
        return state;
    }

    private boolean withinTolerance(Object tolerance, Map<String, Object> record) {
        try {
            return tolerances.check(tolerance, record.get("output"));
        } catch (InterruptedException e) {
            record.remove("tolerance_met");
            throw new RunInterruptedException("interrupted while checking a tolerance");
        } catch (PythonError e) {
            record.remove("tolerance_met");
            ActivityExecutor.markCrash(record, e);
            throw e;
        } catch (RuntimeException e) {
            PythonError crash = new PythonError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            record.remove("tolerance_met");
            ActivityExecutor.markCrash(record, crash);
            throw crash;
        }
    }

    private List<?> probes() {
        if (session.experiment().get("steady-state-hypothesis") instanceof Map<?, ?> hypothesis
                && hypothesis.get("probes") instanceof List<?> probes) {
            return probes;
        }
        return List.of();
    }
}
