package io.github.dqualizer.ctk.jobs.jobrunr;

import java.lang.management.ManagementFactory;
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
 * poll, and then straight from the JDK. JobRunr reads them through the platform MBean server at each heartbeat: JMX's
 * introspection, a new {@code ObjectName} per figure and, in a container, the cgroup files each time; in a profile of
 * the idle service that was a quarter of JobRunr's CPU, and once a minute through JMX still 12 ms of mostly
 * interpreted code per read (docs/benchmarks.md, issue 18). The figures only fill the dashboard's servers page; what
 * the fleet relies on stays exact at every heartbeat: its time, the server's running state, its first heartbeat (read
 * afresh, through JobRunr, after every start and stop) and the JVM's own memory.
 */
public class SampledStatsJobServer extends BackgroundJobServer {

    static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    /** JobRunr's own status at the first heartbeat after a start, with the host's latest figures; null until then. */
    private volatile Sample sample;

    private record Sample(BackgroundJobServerStatus status, HostFigures host) {
    }

    /** The host's figures as JobRunr reports them, and when they were read. */
    record HostFigures(Long systemTotalMemory, Long systemFreeMemory, Double systemCpuLoad, Double processCpuLoad,
                       Instant readAt) {

        static HostFigures of(BackgroundJobServerStatus status, Instant readAt) {
            return new HostFigures(status.getSystemTotalMemory(), status.getSystemFreeMemory(), status.getSystemCpuLoad(),
                    status.getProcessCpuLoad(), readAt);
        }
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
        if (last == null) {
            BackgroundJobServerStatus full = readFullStatus();
            sample = full.getFirstHeartbeat() == null ? null : new Sample(full, HostFigures.of(full, now));
            return full;
        }
        if (!now.isBefore(last.host().readAt().plus(SAMPLE_EVERY))) {
            last = new Sample(last.status(), readHostFigures(now));
            sample = last;
        }
        BackgroundJobServerStatus read = last.status();
        HostFigures host = last.host();
        Runtime jvm = Runtime.getRuntime();
        long allocated = jvm.totalMemory() - jvm.freeMemory();
        return new BackgroundJobServerStatus(read.getId(), read.getName(), getWorkDistributionStrategy().getWorkerCount(),
                read.getPollIntervalInSeconds(), read.getDeleteSucceededJobsAfter(), read.getPermanentlyDeleteDeletedJobsAfter(),
                read.getFirstHeartbeat(), now, isRunning(), host.systemTotalMemory(), host.systemFreeMemory(),
                host.systemCpuLoad(), jvm.maxMemory(), jvm.maxMemory() - allocated, allocated, host.processCpuLoad());
    }

    /** JobRunr's own status, with the host's figures read through the MBean server (a seam for the test that counts). */
    BackgroundJobServerStatus readFullStatus() {
        return super.getServerStatus();
    }

    /** The same figures JobRunr reads through the MBean server, from the JDK's bean directly (a seam for the test). */
    HostFigures readHostFigures(Instant now) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new HostFigures(os.getTotalMemorySize(), os.getFreeMemorySize(), os.getCpuLoad(), os.getProcessCpuLoad(),
                    now);
        }
        return HostFigures.of(super.getServerStatus(), now);
    }
}
