package io.github.dqualizer.ctk.jobs.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat reads the host's figures once a minute (from the JDK's bean, not through JobRunr's MBean server
 * reads), and JobRunr's full status afresh after every start and stop, while its time, the running state and the first
 * heartbeat stay exact. A real JobRunr server on JobRunr's in-memory storage with a poll of a minute (only its
 * announcement reads the status by itself here) and a clock the test moves; the test's subclass counts the reads.
 */
class SampledStatsJobServerTest {

    private final MovableClock clock = new MovableClock(Instant.now());
    private CountingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void heartbeatsWithinAMinuteOfAFullReadThenHostFiguresNotReadAgainButTimeAndStateExact() {
        server = startServer();
        int reads = server.reads.get();
        BackgroundJobServerStatus full = server.lastFull;

        clock.advance(Duration.ofSeconds(59));
        BackgroundJobServerStatus sampled = server.getServerStatus();

        assertThat(server.reads.get()).as("no full read within the minute").isEqualTo(reads);
        assertThat(server.hostReads.get()).as("no host read within the minute").isZero();
        assertThat(sampled.getLastHeartbeat()).isEqualTo(clock.instant());
        assertThat(sampled.getFirstHeartbeat()).isEqualTo(full.getFirstHeartbeat());
        assertThat(sampled.isRunning()).isTrue();
        assertThat(sampled.getId()).isEqualTo(full.getId());
        assertThat(sampled.getSystemTotalMemory()).isEqualTo(full.getSystemTotalMemory());
        assertThat(sampled.getProcessMaxMemory()).isEqualTo(Runtime.getRuntime().maxMemory());

        clock.advance(Duration.ofSeconds(1));
        BackgroundJobServerStatus minuteLater = server.getServerStatus();

        assertThat(server.hostReads.get()).as("a minute after the last read: the host's figures").isEqualTo(1);
        assertThat(server.reads.get()).as("but not JobRunr's full status").isEqualTo(reads);
        assertThat(minuteLater.getFirstHeartbeat()).isEqualTo(full.getFirstHeartbeat());
        assertThat(minuteLater.getSystemTotalMemory()).as("the same figure JobRunr reads")
                .isEqualTo(full.getSystemTotalMemory());
        assertThat(minuteLater.getSystemFreeMemory()).isPositive().isLessThanOrEqualTo(full.getSystemTotalMemory());
        assertThat(minuteLater.getSystemCpuLoad()).isBetween(0.0, 1.0);
        assertThat(minuteLater.getProcessCpuLoad()).isBetween(0.0, 1.0);

        clock.advance(Duration.ofSeconds(59));
        server.getServerStatus();
        assertThat(server.hostReads.get()).as("within a minute of the host read").isEqualTo(1);
    }

    @Test
    void heartbeatAfterARestartThenReadAfreshWithTheNewFirstHeartbeat() {
        server = startServer();
        Instant firstStart = server.getServerStatus().getFirstHeartbeat();

        server.stop();
        assertThat(server.getServerStatus().getFirstHeartbeat()).as("stopped").isNull();
        server.start();
        await().atMost(Duration.ofSeconds(20)).until(server::isAnnounced);
        int reads = server.reads.get();
        BackgroundJobServerStatus afterRestart = server.getServerStatus();

        assertThat(afterRestart.getFirstHeartbeat()).isNotNull().isNotEqualTo(firstStart);
        assertThat(afterRestart.getFirstHeartbeat()).isEqualTo(server.lastFull.getFirstHeartbeat());
        assertThat(server.reads.get()).as("sampled again from the restart's own full read").isEqualTo(reads);
        assertThat(afterRestart.isRunning()).isTrue();
    }

    private CountingServer startServer() {
        InMemoryStorageProvider storage = new InMemoryStorageProvider();
        storage.setJobMapper(new JobMapper(new Jackson3JsonMapper()));
        CountingServer started = new CountingServer(storage, clock);
        started.start();
        await().atMost(Duration.ofSeconds(20)).until(started::isAnnounced);
        return started;
    }

    /** Counts JobRunr's full status reads (through the MBean server) and the direct reads of the host's figures. */
    static class CountingServer extends SampledStatsJobServer {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger hostReads = new AtomicInteger();
        volatile BackgroundJobServerStatus lastFull;

        CountingServer(InMemoryStorageProvider storage, Clock clock) {
            super(storage, new Jackson3JsonMapper(), null, BackgroundJobServerConfiguration
                    .usingStandardBackgroundJobServerConfiguration().andPollIntervalInSeconds(60), clock);
        }

        @Override
        BackgroundJobServerStatus readFullStatus() {
            reads.incrementAndGet();
            lastFull = super.readFullStatus();
            return lastFull;
        }

        @Override
        HostFigures readHostFigures(Instant now) {
            hostReads.incrementAndGet();
            return super.readHostFigures(now);
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
