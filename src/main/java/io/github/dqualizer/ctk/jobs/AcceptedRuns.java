package io.github.dqualizer.ctk.jobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs accepted by this instance, kept in memory until their job claims them, so a job that starts
 * here does not read its run back from the database. Bounded by the size of the stored documents;
 * a run that is evicted or was accepted by another instance is simply read from the database.
 * An instance without a job server holds nothing: no job of its own would ever claim the runs. A run stored already
 * claimed (its worker held, {@code LocalJobStart}) is never evicted: its job finds it in memory or not at all, and
 * there are at most as many as workers.
 */
@Component
class AcceptedRuns {

    private static final long MAX_DOCUMENT_CHARS = 32L * 1024 * 1024;

    private final Cache<String, ExperimentRun> runs = Caffeine.newBuilder()
            .maximumWeight(MAX_DOCUMENT_CHARS)
            .weigher((String id, ExperimentRun run) -> run.experimentJson().length()
                    + (run.secretsCipher() == null ? 0 : run.secretsCipher().length()))
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    private final Map<String, ExperimentRun> claimed = new ConcurrentHashMap<>();
    private final ObjectProvider<BackgroundJobServer> jobServer;
    private volatile Boolean executesHere;

    AcceptedRuns(ObjectProvider<BackgroundJobServer> jobServer) {
        this.jobServer = jobServer;
    }

    void accepted(ExperimentRun run) {
        if (run.status() == RunStatus.RUNNING) {
            claimed.put(run.id(), run);
        } else if (executesHere()) {
            runs.put(run.id(), run);
        }
    }

    /** The run as accepted, removed from memory; null if it is not (or no longer) held. */
    ExperimentRun take(String runId) {
        ExperimentRun run = claimed.remove(runId);
        return run != null ? run : runs.asMap().remove(runId);
    }

    private boolean executesHere() {
        Boolean known = executesHere;
        if (known == null) {
            // the job server bean exists from the start or never; looked up once, not per submission
            known = jobServer.getIfAvailable() != null;
            executesHere = known;
        }
        return known;
    }
}
