package io.github.dqualizer.ctk.engine.run;

import io.github.dqualizer.ctk.engine.ActivityPhase;
import io.github.dqualizer.ctk.engine.RunListener;
import io.github.dqualizer.ctk.engine.journal.SecretMasker;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notifies the {@link RunListener}s with masked copies; a failing listener is logged and ignored. */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<RunListener> listeners;
    private final RunContext context;
    private final SecretMasker masker;

    public Listeners(List<RunListener> listeners, RunContext context, SecretMasker masker) {
        this.listeners = listeners;
        this.context = context;
        this.masker = masker;
    }

    public void runStarted() {
        each(l -> l.runStarted(context));
    }

    public void activityStarted(ActivityPhase phase, Map<String, Object> activity) {
        if (!listeners.isEmpty()) {
            Map<String, Object> masked = masker.maskMap(activity);
            each(l -> l.activityStarted(context, phase, masked));
        }
    }

    public void activityFinished(ActivityPhase phase, Map<String, Object> record) {
        if (!listeners.isEmpty()) {
            Map<String, Object> masked = masker.maskMap(record);
            each(l -> l.activityFinished(context, phase, masked));
        }
    }

    public void hypothesisEvaluated(ActivityPhase phase, Map<String, Object> state) {
        if (!listeners.isEmpty()) {
            Map<String, Object> masked = masker.maskMap(state);
            each(l -> l.hypothesisEvaluated(context, phase, masked));
        }
    }

    public void runFinished(Map<String, Object> journal) {
        each(l -> l.runFinished(context, journal));
    }

    private void each(Consumer<RunListener> call) {
        for (RunListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("run listener {} failed for run {}", listener.getClass().getName(), context.runId(), e);
            }
        }
    }
}
