package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.jobs.store.ExperimentRun;
import io.github.dqualizer.ctk.jobs.store.ExperimentRunRepository;
import io.github.dqualizer.ctk.jobs.store.RunTransitions;
import java.sql.SQLTransactionRollbackException;
import io.github.dqualizer.ctk.jobs.fleet.HostJobTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import io.github.dqualizer.ctk.jobs.execution.JobsProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.dqualizer.ctk.jobs.execution.RunExecutions;
import io.github.dqualizer.ctk.jobs.jobrunr.LocalJobStart;
import org.jobrunr.jobs.Job;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores accepted runs and creates their JobRunr jobs in batches (group commit): whatever submissions
 * arrive while a batch is being written form the next one, so under load a commit is shared by many
 * runs instead of costing one per run, and a lone submission is written at once. A batch's runs and
 * their jobs are written in one transaction (JobRunr's storage joins it, {@code HostJobTables.storageInTransaction}),
 * so no run is ever stored without its job. A submitter learns the outcome of its own run only once its batch
 * is committed, so an answered 202 is always durable. A run that comes with a held local worker (stored already
 * claimed, its job processing: {@link LocalJobStart}) goes to that worker right after the commit; the writer gives the
 * worker and the run's claim back when the run is not stored, and queues the run again when the hand-over fails.
 */
@Component
class RunBatchWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunBatchWriter.class);
    /** Two writers keep one slow commit (or an outage's connection timeout) from holding up every submitter. */
    private static final int WRITERS = 2;
    private static final int MAX_BATCH = 64;
    private static final int LOCK_CONFLICT_RETRIES = 3;
    /**
     * Submissions waiting for a writer. Each submitter blocks a bounded-elastic thread while it waits, so in normal
     * operation far fewer wait; the bound only caps memory (each holds its document) when the database stalls.
     */
    static final int MAX_WAITING = 1024;

    /** Wakes a writer blocked on the empty queue at shutdown; it is no submission. */
    private static final PendingRun WAKE_UP = new PendingRun(null, null, null, new CompletableFuture<>());

    /** What became of a stored run's job. */
    enum Handover {
        /** A held local worker took it. */
        STARTED,
        /** It is enqueued, for a fetch: no worker was held, or the hand-over failed and the run was queued again. */
        ENQUEUED,
        /** Stored claimed, but no worker took it and it could not be queued again: crash recovery here ends it. */
        STRANDED
    }

    private final ExperimentRunRepository runs;
    private final RunTransitions transitions;
    private final AcceptedRuns acceptedRuns;
    private final HostJobTables tables;
    private final LocalJobStart localStart;
    private final RunExecutions executions;
    private final TransactionTemplate transaction;
    private final BlockingQueue<PendingRun> queue = new LinkedBlockingQueue<>(MAX_WAITING);
    private final ExecutorService writers;
    private final Duration waitLimit;
    private volatile boolean closed;

    RunBatchWriter(ExperimentRunRepository runs, RunTransitions transitions, AcceptedRuns acceptedRuns, HostJobTables tables,
                   LocalJobStart localStart, RunExecutions executions, PlatformTransactionManager transactions,
                   JobsProperties properties) {
        this.transaction = new TransactionTemplate(transactions);
        this.runs = runs;
        this.transitions = transitions;
        this.acceptedRuns = acceptedRuns;
        this.tables = tables;
        this.localStart = localStart;
        this.executions = executions;
        this.waitLimit = properties.submissionWaitLimit();
        AtomicInteger number = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
            Thread thread = new Thread(runnable, "run-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(this::writeUntilClosed);
        }
    }

    /**
     * Stores the run and its job; returns once both are committed, with what became of the job: taken by
     * {@code worker} (held for it, or null; no fetch is needed then), enqueued, or stranded. Throws the database's error, or a
     * {@link SubmissionNotStoredException} when this instance is shutting down, too many submissions wait, or the run
     * waited {@code ctk.jobs.submission-wait-limit} without a writer taking it (it is then withdrawn: nothing stored).
     */
    Handover store(ExperimentRun run, Job job, LocalJobStart.Worker worker) {
        PendingRun pending = enqueue(run, job, worker);
        try {
            return pending.done().get(waitLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (queue.remove(pending)) {
                giveBackHeld(pending);
                throw new SubmissionNotStoredException("The run could not be stored within " + waitLimit.toSeconds()
                        + " s (the database is slow or unreachable); nothing was stored. Retry later.");
            }
            return awaitTakenBatch(pending); // a writer has it: its own database timeouts bound the rest
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionNotStoredException("The submission was interrupted; it may not have been stored.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        }
    }

    private Handover awaitTakenBatch(PendingRun pending) {
        try {
            return pending.done().get(waitLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SubmissionNotStoredException("The run was not confirmed as stored within " + 2 * waitLimit.toSeconds()
                    + " s; it may still be stored: GET /experiments/" + pending.run().id() + " tells.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionNotStoredException("The submission was interrupted; it may not have been stored.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        }
    }

    /** Completes when the run and its (enqueued) job are committed; fails with the database's error otherwise. */
    CompletableFuture<Handover> write(ExperimentRun run, Job job) {
        return enqueue(run, job, null).done();
    }

    private PendingRun enqueue(ExperimentRun run, Job job, LocalJobStart.Worker worker) {
        PendingRun pending = new PendingRun(run, job, worker, new CompletableFuture<>());
        if (closed) {
            fail(pending, shuttingDown());
        } else if (!queue.offer(pending)) {
            fail(pending, new SubmissionNotStoredException("Too many submissions ("
                    + MAX_WAITING + ") are waiting to be stored; nothing was stored. Retry shortly."));
        } else if (closed && queue.remove(pending)) {
            // closed between the check and the offer: the writers and destroy() may have drained the queue already
            fail(pending, shuttingDown());
        }
        return pending;
    }

    /** Blocks in {@code take()} while nothing arrives (an idle instance wakes no writer); {@link #destroy} wakes it. */
    private void writeUntilClosed() {
        while (!closed || queue.stream().anyMatch(pending -> pending != WAKE_UP)) {
            List<PendingRun> batch = new ArrayList<>();
            try {
                PendingRun first = queue.take();
                if (first == WAKE_UP) {
                    continue; // this writer's own wake-up: the loop's condition decides
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (int i = batch.size() - 1; i > 0; i--) {
                    if (batch.get(i) == WAKE_UP) {
                        batch.remove(i);
                        queue.offer(WAKE_UP); // another writer's: it may be blocked in take()
                    }
                }
                // a pinned run's job goes to its host's JobRunr tables: one write per table set
                batch.stream().collect(Collectors.groupingBy(pending -> Optional.ofNullable(pending.run().pinnedHost()),
                        LinkedHashMap::new, Collectors.toList())).values().forEach(this::write);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // its submitters must not wait for ever
                batch.forEach(pending -> fail(pending, e));
                log.error("Run writer failed unexpectedly; it goes on", e);
            }
        }
    }

    /** The batch's runs and jobs in one transaction: committed together, or neither (nothing to clean up). */
    private void write(List<PendingRun> batch) {
        try {
            StorageProvider jobs = tables.storageInTransaction(batch.get(0).run().pinnedHost());
            // a failed save leaves the jobs' versions as they were (JobRunr), so the same jobs can be saved again
            retryingLockConflicts(() -> transaction.executeWithoutResult(status -> {
                runs.saveAllAndFlush(batch.stream().map(PendingRun::run).toList());
                jobs.save(batch.stream().map(PendingRun::job).toList());
            }), () -> batch.forEach(pending -> pending.run().insertRolledBack()));
        } catch (DataIntegrityViolationException e) {
            if (batch.size() > 1) {
                // one run the database refuses must not fail the submissions that happened to share its batch
                batch.forEach(pending -> pending.run().insertRolledBack());
                batch.forEach(pending -> write(List.of(pending)));
                return;
            }
            failAll(batch, e);
            return;
        } catch (DataAccessException | TransactionException e) {
            failAll(batch, e);
            return;
        } catch (RuntimeException e) {
            // JobRunr wraps the database's error in its own StorageException, which would be answered 500
            failAll(batch, new DataAccessResourceFailureException("The runs' jobs could not be stored: " + e.getMessage(), e));
            return;
        }
        batch.forEach(this::started);
    }

    /** Committed: a run with a held worker starts on it; if the hand-over fails, the run is queued again. */
    private void started(PendingRun pending) {
        if (pending.worker() == null) {
            pending.done().complete(Handover.ENQUEUED);
        } else if (localStart.start(pending.worker(), pending.job())) {
            pending.done().complete(Handover.STARTED);
        } else {
            executions.ended(pending.run().id());
            pending.done().complete(queueAgain(pending));
        }
    }

    /**
     * The held worker's pool stopped between the hold and the commit (JobRunr stops its server after storage errors,
     * so this happens when a submission that waited out a database outage commits): the run was stored claimed and
     * never started. Its claim is given back and its job enqueued in one transaction, so the fetch that starts it (once
     * the watchdog restarted the server) finds it queued; ended unstarted by crash recovery instead, it would be lost.
     */
    private Handover queueAgain(PendingRun pending) {
        ExperimentRun run = pending.run();
        Job job = pending.job();
        acceptedRuns.take(run.id()); // its in-memory copy says claimed: the job must read the run as stored
        try {
            boolean queued = Boolean.TRUE.equals(transaction.execute(status -> {
                if (transitions.markRequeued(run.id(), run.node()) != 1) {
                    return false; // no longer this instance's claim (cancelled or recovered meanwhile)
                }
                job.failed("Its local worker stopped before the job started (the job server was stopping); enqueued again",
                        new IllegalStateException("the worker pool is stopped"));
                job.enqueue();
                tables.storageInTransaction(run.pinnedHost()).save(job);
                return true;
            }));
            if (queued) {
                run.requeued(); // the submitter answers with the run as stored
                log.warn("Run {} was not handed to a local worker (the job server was stopping); queued again", run.id());
                return Handover.ENQUEUED;
            }
        } catch (RuntimeException e) {
            log.warn("Run {} was not handed to a local worker and could not be queued again; crash recovery ends it: {}",
                    run.id(), e.toString());
        }
        return Handover.STRANDED;
    }

    /** Nothing of it is stored: its held worker and its claim are given back. */
    private void fail(PendingRun pending, Throwable error) {
        if (!pending.done().isDone()) { // a completed one keeps its outcome (and its worker)
            giveBackHeld(pending);
            pending.done().completeExceptionally(error);
        }
    }

    private void giveBackHeld(PendingRun pending) {
        if (pending.worker() != null) {
            localStart.release(pending.worker());
            executions.ended(pending.run().id());
        }
    }

    /**
     * A transaction that lost a lock conflict (deadlock victim, lock wait timeout) was rolled back whole and may
     * simply run again, as the database asks; the submitters would otherwise get 503 for a passing conflict.
     */
    private static void retryingLockConflicts(Runnable write, Runnable afterRollback) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (attempt > LOCK_CONFLICT_RETRIES || !lockConflict(e)) {
                    throw e;
                }
                log.info("A batch of runs lost a lock conflict ({}); writing it again", e.getClass().getSimpleName());
                afterRollback.run();
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50) * attempt); // apart from the winner
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Spring's translation (Hibernate) or, under JobRunr's own StorageException, the driver's. */
    private static boolean lockConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException || cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    private void failAll(List<PendingRun> batch, RuntimeException error) {
        batch.forEach(pending -> fail(pending, error));
    }

    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        for (int i = 0; i < WRITERS; i++) {
            queue.offer(WAKE_UP); // a full queue needs none: its writers are busy and see closed once it is empty
        }
        writers.shutdown();
        if (!writers.awaitTermination(10, TimeUnit.SECONDS)) {
            writers.shutdownNow();
        }
        for (PendingRun left; (left = queue.poll()) != null; ) {
            if (left != WAKE_UP) {
                fail(left, shuttingDown());
            }
        }
    }

    /** Answered 503: nothing was stored. */
    private static SubmissionNotStoredException shuttingDown() {
        return new SubmissionNotStoredException("This instance is shutting down; nothing was stored. Retry on another instance or after the restart.");
    }

    private record PendingRun(ExperimentRun run, Job job, LocalJobStart.Worker worker, CompletableFuture<Handover> done) {
    }
}
