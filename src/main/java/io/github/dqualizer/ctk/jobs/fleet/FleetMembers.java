package io.github.dqualizer.ctk.jobs.fleet;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.cluster.LiveInstances;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The executing instances of the fleet and their hosts: each registers a row in {@code ctk_instances} (its JobRunr
 * server id, {@code ctk.instance.host}, its nudge address) when it is ready; a row counts while that server's
 * heartbeat is fresh ({@link LiveInstances}), so a dead instance drops out as JobRunr declares its server dead.
 * Read at most once a second for nudging; a refusal of {@code ?host=} always reads again.
 */
@Component
class FleetMembers implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FleetMembers.class);
    private static final Duration CACHE = Duration.ofSeconds(1);
    /** Rows of instances gone this long are removed when another instance registers. */
    private static final Duration STALE = Duration.ofDays(1);
    private static final Duration FIRST_HEARTBEAT_WAIT = Duration.ofSeconds(10);
    private static final Duration REGISTRATION_CHECK = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final LiveInstances liveInstances;
    private final InstanceIdentity instance;
    private final ObjectProvider<BackgroundJobServer> jobServer;
    private final PeerNudges nudges;
    private final Clock clock;
    private volatile Snapshot snapshot;

    FleetMembers(JdbcTemplate jdbc, LiveInstances liveInstances, InstanceIdentity instance,
                 ObjectProvider<BackgroundJobServer> jobServer, PeerNudges nudges, Clock clock) {
        this.jdbc = jdbc;
        this.liveInstances = liveInstances;
        this.instance = instance;
        this.jobServer = jobServer;
        this.nudges = nudges;
        this.clock = clock;
    }

    /**
     * Once ready, this instance is a live member: other instances count it live by its job server's heartbeat row,
     * which JobRunr writes asynchronously after its start (itself a listener of this event, in no set order with this
     * one). So the job server is started here (starting is idempotent) and its first heartbeat awaited before the
     * instance registers and readiness is reported; otherwise a {@code ?host=} naming this host, sent as soon as it is
     * ready, could be refused as having no live instance. Bounded: a database that refuses the heartbeat does not
     * hold the start-up, and the instance counts live with its first heartbeat then.
     */
    @EventListener(ApplicationReadyEvent.class)
    void registerWhenReady() {
        BackgroundJobServer server = jobServer.getIfAvailable();
        if (server == null) {
            return;
        }
        server.start();
        long deadline = System.nanoTime() + FIRST_HEARTBEAT_WAIT.toNanos();
        while (server.isUnAnnounced() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        register();
    }

    /** Only an executing instance is a member: an accept-only one has no heartbeat and executes nothing. */
    void register() {
        if (!instance.hasJobServer()) {
            return;
        }
        try {
            Instant now = clock.instant();
            jdbc.update("DELETE FROM ctk_instances WHERE name = ? OR registered_at < ?", instance.name(),
                    Timestamp.from(now.minus(STALE)));
            jdbc.update("INSERT INTO ctk_instances (name, host, nudge_address, registered_at) VALUES (?, ?, ?, ?)",
                    instance.name(), instance.host(), nudges.address(), Timestamp.from(now));
            snapshot = null;
            log.info("Registered as an executing instance on host {} (nudges on UDP {})", instance.host(), nudges.address());
        } catch (DataAccessException e) {
            log.warn("Cannot register this instance's host now ({}); trying again within a minute", e.toString());
        }
    }

    /** A plain scheduled task, as {@code CrashRecovery} is. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::registerIfMissing, REGISTRATION_CHECK, REGISTRATION_CHECK));
    }

    /** A registration lost to a database outage at start-up is made up for; one indexed read a minute. */
    void registerIfMissing() {
        try {
            if (instance.hasJobServer() && jdbc.queryForObject(
                    "SELECT COUNT(*) FROM ctk_instances WHERE name = ?", Integer.class, instance.name()) == 0) {
                register();
            }
        } catch (DataAccessException e) {
            log.debug("Cannot check this instance's registration now: {}", e.toString());
        }
    }

    /** The live members, at most a second old. */
    List<Member> live() {
        Snapshot known = snapshot;
        if (known != null && known.at().plus(CACHE).isAfter(clock.instant())) {
            return known.members();
        }
        return liveNow();
    }

    /** The live members as the database says now. */
    List<Member> liveNow() {
        Set<String> alive = liveInstances.alive();
        List<Member> members = jdbc.query("SELECT name, host, nudge_address FROM ctk_instances",
                        (row, i) -> new Member(row.getString(1), row.getString(2), row.getString(3)))
                .stream().filter(member -> alive.contains(member.name())).toList();
        snapshot = new Snapshot(clock.instant(), members);
        return members;
    }

    /** The live hosts, sorted; empty when the database cannot be read. */
    List<String> liveHosts(List<Member> members) {
        return members.stream().map(Member::host).distinct().sorted().toList();
    }

    boolean isSelf(Member member) {
        return member.name().equals(instance.name());
    }

    /** Best effort for nudging: no members when the database cannot be read now. */
    List<Member> liveOrNone() {
        try {
            return live();
        } catch (DataAccessException e) {
            return List.of();
        }
    }

    record Member(String name, String host, String nudgeAddress) {
    }

    private record Snapshot(Instant at, List<Member> members) {
    }
}
