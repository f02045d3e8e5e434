package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

/**
 * JobRunr stores each job's class and method by name in {@code jobrunr_jobs}; a run queued by an older version is
 * executed by loading exactly that name. Moving or renaming {@link ExperimentJob} or its method would leave such runs
 * unresolvable after an upgrade.
 */
class ExperimentJobSignatureTest {

    @Test
    void jobsQueuedByEarlierVersionsStillResolve() {
        assertThatNoException().isThrownBy(() -> Class.forName("io.github.dqualizer.ctk.jobs.ExperimentJob")
                .getMethod("execute", String.class));
    }
}
