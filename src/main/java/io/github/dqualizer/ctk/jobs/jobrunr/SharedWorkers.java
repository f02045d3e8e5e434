package io.github.dqualizer.ctk.jobs.jobrunr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.configuration.BackgroundJobServerWorkerPolicy;
import org.jobrunr.server.strategy.WorkDistributionStrategy;
import org.jobrunr.server.threadpool.JobRunrExecutor;
import org.jobrunr.server.threadpool.PlatformThreadPoolJobRunrExecutor;
import org.jobrunr.storage.Paging;
import org.jobrunr.storage.navigation.AmountRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One pool of {@code jobrunr.background-job-server.worker-count} worker threads for both JobRunr servers of an
 * executing instance (the shared tables' and its host's, {@code jobs.fleet.HostJobServer}): the instance runs at most that many
 * runs at once, pinned and unpinned together, and either kind may use all of them. Each server had a pool of its
 * own before, so an instance ran up to twice the configured count ({@code SharedWorkersTest}).
 * <p>
 * The threads are the bound; the fetch amount only keeps jobs from waiting in the pool's queue: each server asks
 * for the workers neither server occupies nor has handed to the pool yet. Two fetches at the same instant may
 * together take more; the surplus waits in the queue for a thread, as a single JobRunr server's own surplus does.
 * Replaces the starter's worker policy (it backs off when a bean of this type exists).
 */
@Component
public class SharedWorkers implements BackgroundJobServerWorkerPolicy {

    private final int workers;
    private final List<BackgroundJobServer> servers = new CopyOnWriteArrayList<>();
    /** Jobs handed to the pool whose thread has not started them yet. */
    private final AtomicInteger queued = new AtomicInteger();
    private PlatformThreadPoolJobRunrExecutor pool;
    private int started;

    public SharedWorkers(@Value("${jobrunr.background-job-server.worker-count:8}") int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("jobrunr.background-job-server.worker-count must be at least 1");
        }
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    @Override
    public WorkDistributionStrategy toWorkDistributionStrategy(BackgroundJobServer server) {
        servers.add(server);
        return new WorkDistributionStrategy() {
            @Override
            public int getWorkerCount() {
                return workers;
            }

            @Override
            public AmountRequest getWorkPageRequest() {
                return Paging.AmountBasedList.ascOnUpdatedAt(free());
            }
        };
    }

    /** Holds a worker for a job about to be handed over ({@link LocalJobStart}); false when none is free. */
    synchronized boolean reserve() {
        if (free() == 0) {
            return false;
        }
        queued.incrementAndGet();
        return true;
    }

    /** Gives back a worker {@link #reserve()} held (once its job is in the pool's hands, or was never stored). */
    void release() {
        queued.decrementAndGet();
    }

    /** Workers no job occupies or is about to occupy, over both servers. */
    int free() {
        int busy = queued.get();
        for (BackgroundJobServer server : servers) {
            if (server.getJobSteward() != null) {
                busy += server.getJobSteward().getOccupiedWorkerCount();
            }
        }
        return Math.max(0, workers - busy);
    }

    @Override
    public JobRunrExecutor toJobRunrExecutor() {
        return new JobRunrExecutor() {
            private boolean running;

            @Override
            public int getWorkerCount() {
                return workers;
            }

            @Override
            public void start() {
                synchronized (SharedWorkers.this) {
                    if (!running) {
                        running = true;
                        if (started++ == 0) {
                            pool = new PlatformThreadPoolJobRunrExecutor(workers, "backgroundjob-worker");
                            pool.start();
                        }
                    }
                }
            }

            /** Only the last server to stop stops the pool (its jobs were cancelled by GracefulShutdown before). */
            @Override
            public void stop(Duration awaitTimeout) {
                PlatformThreadPoolJobRunrExecutor last = null;
                synchronized (SharedWorkers.this) {
                    if (running) {
                        running = false;
                        if (--started == 0) {
                            last = pool;
                            pool = null;
                        }
                    }
                }
                if (last != null) {
                    last.stop(awaitTimeout);
                }
            }

            @Override
            public void execute(Runnable job) {
                PlatformThreadPoolJobRunrExecutor target;
                synchronized (SharedWorkers.this) {
                    target = pool;
                }
                if (target == null) {
                    throw new IllegalStateException("the worker pool is stopped");
                }
                queued.incrementAndGet();
                try {
                    target.execute(() -> {
                        queued.decrementAndGet();
                        job.run();
                    });
                } catch (RuntimeException e) {
                    queued.decrementAndGet();
                    throw e;
                }
            }
        };
    }
}
