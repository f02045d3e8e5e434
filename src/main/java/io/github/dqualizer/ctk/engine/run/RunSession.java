package io.github.dqualizer.ctk.engine.run;

import io.github.dqualizer.ctk.engine.DryMode;
import io.github.dqualizer.ctk.engine.activity.ProviderScope;
import io.github.dqualizer.ctk.engine.control.RunControls;
import io.github.dqualizer.ctk.engine.journal.JournalState;
import io.github.dqualizer.ctk.engine.journal.SecretMasker;
import io.github.dqualizer.ctk.experiment.ActivityIndex;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.Map;

/**
 * Everything one run needs, created per run so that runs share no mutable state.
 *
 * @param experiment the working copy of the experiment (mutated like chaoslib mutates its document)
 * @param scope      configuration, secrets and the substitution over them
 * @param controls   the run's controls (or none)
 */
public record RunSession(
        String runId,
        Map<String, Object> experiment,
        ProviderScope scope,
        DryMode dry,
        ActivityIndex index,
        SecretMasker masker,
        RunContext context,
        Listeners listeners,
        JournalState journal,
        RunControls controls) {
}
