package io.github.dqualizer.ctk.jobs.jobrunr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * A JobRunr job server whose heartbeat reads the host's figures (memory, CPU load) once a minute instead of at every
 * poll. JobRunr reads them through the platform MBean server at each heartbeat, every 5 s: JMX's introspection, a new
 * {@code ObjectName} per figure and, in a container, the cgroup files each time; in a profile of the idle service that
 * was a quarter of JobRunr's CPU (docs/benchmarks.md, issue 18). The figures only fill the dashboard's servers page;
 * what the fleet relies on stays exact at every heartbeat: its time, the server's running state, its first heartbeat
 * (read afresh after every start and stop) and the JVM's own memory.
 */
public class SampledStatsJobServer extends BackgroundJobServer {

    static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    /** The last full status and when it was read; null until the first heartbeat after a start. */
    private volatile Sample sample;

    private record Sample(BackgroundJobServerStatus status, Instant readAt) {
    }

    public SampledStatsJobServer(StorageProvider storageProvider, JsonMapper jsonMapper, JobActivator jobActivator,
                                 BackgroundJobServerConfiguration configuration) {
        this(storageProvider, jsonMapper, jobActivator, configuration, Clock.systemUTC());
    }

    SampledStatsJobServer(StorageProvider storageProvider, JsonMapper jsonMapper, JobActivator jobActivator,
                          BackgroundJobServerConfiguration configuration, Clock clock) {
        super(storageProvider, jsonMapper, jobActivator, configuration);
        this.clock = clock;
    }

    @Override
    public void start(boolean guard) {
        sample = null; // a start sets a new first heartbeat
        super.start(guard);
    }

    @Override
    public void stop() {
        super.stop();
        sample = null;
    }

    @Override
    public BackgroundJobServerStatus getServerStatus() {
        Instant now = clock.instant();
        Sample last = sample;
        if (last == null || !now.isBefore(last.readAt().plus(SAMPLE_EVERY))) {
            BackgroundJobServerStatus full = readFullStatus();
            sample = full.getFirstHeartbeat() == null ? null : new Sample(full, now);
            return full;
        }
        BackgroundJobServerStatus read = last.status();
        Runtime jvm = Runtime.getRuntime();
        long allocated = jvm.totalMemory() - jvm.freeMemory();
        return new BackgroundJobServerStatus(read.getId(), read.getName(), getWorkDistributionStrategy().getWorkerCount(),
                read.getPollIntervalInSeconds(), read.getDeleteSucceededJobsAfter(), read.getPermanentlyDeleteDeletedJobsAfter(),
                read.getFirstHeartbeat(), now, isRunning(), read.getSystemTotalMemory(), read.getSystemFreeMemory(),
                read.getSystemCpuLoad(), jvm.maxMemory(), jvm.maxMemory() - allocated, allocated, read.getProcessCpuLoad());
    }

    /** JobRunr's own status, with the host's figures read afresh (a seam for the test that counts the reads). */
    BackgroundJobServerStatus readFullStatus() {
        return super.getServerStatus();
    }
}
