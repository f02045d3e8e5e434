package io.github.dqualizer.ctk.jobs.completion;

import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Notices the end of awaited runs that do not execute here (queued, or running on another instance): one query for all
 * of them every {@code ctk.jobs.wait-poll-interval} (1 s), and only while someone waits for such a run. Runs executing
 * here are left out, their end wakes the waiters in-process ({@link RunCompletionNotifier#completed}); nothing is
 * scheduled while nobody waits.
 */
@Component
class EndedElsewherePoll {

    private static final Logger log = LoggerFactory.getLogger(EndedElsewherePoll.class);
    /** Ids per query: well below every database's limit on bound parameters. */
    private static final int CHUNK = 500;
    private static final List<RunStatus> TERMINAL = Arrays.stream(RunStatus.values()).filter(RunStatus::terminal).toList();

    private final RunCompletionNotifier notifier;
    private final ExperimentRunRepository runs;
    private final LocalExecutions local;
    private final Duration interval;
    private final Scheduler scheduler = Schedulers.boundedElastic(); // JDBC: never on a parallel or event-loop thread
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile int queries;

    EndedElsewherePoll(RunCompletionNotifier notifier, ExperimentRunRepository runs, LocalExecutions local,
                       @Value("${ctk.jobs.wait-poll-interval:1s}") Duration interval) {
        this.notifier = notifier;
        this.runs = runs;
        this.local = local;
        this.interval = interval;
    }

    /** Someone has started waiting: polls from the next interval on, unless a poll is scheduled already. */
    void waiting() {
        if (armed.compareAndSet(false, true)) {
            scheduler.schedule(this::poll, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        try {
            List<String> elsewhere = notifier.awaited().stream().filter(runId -> !local.isHere(runId)).toList();
            for (int from = 0; from < elsewhere.size(); from += CHUNK) {
                List<String> chunk = new ArrayList<>(elsewhere.subList(from, Math.min(elsewhere.size(), from + CHUNK)));
                queries++;
                for (String ended : runs.findIdsByIdInAndStatusIn(chunk, TERMINAL)) {
                    runs.findById(ended).ifPresent(run -> notifier.endedElsewhere(RunOutcome.of(run)));
                }
            }
        } catch (RuntimeException unreachable) {
            // a failed read only skips this turn: the waiting request neither errors nor gives up
            log.debug("Cannot look for the end of awaited runs now: {}", unreachable.toString());
        } finally {
            armed.set(false);
            if (notifier.anyAwaited()) {
                waiting();
            }
        }
    }

    /** Polls made so far that queried the database (for tests). */
    int queries() {
        return queries;
    }
}
