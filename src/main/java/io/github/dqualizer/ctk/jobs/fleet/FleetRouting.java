package io.github.dqualizer.ctk.jobs.fleet;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import io.github.dqualizer.ctk.jobs.store.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Where a run executes (docs/adr/0008-fleet-routing.md): on the host named by {@code ?host=}; else, when it uses
 * host-process functions, on the host of the instance that accepted it (dqualizer calls the service on the host of
 * the system under test); else on any instance with free workers. Wakes the instances that may execute it.
 */
@Component
public class FleetRouting {

    /** Their faults act on the processes of the host they execute on. */
    static final Set<String> HOST_PROCESS_MODULES = Set.of("processKilling", "processStarting", "processMonitoring");

    private final FleetMembers members;
    private final InstanceIdentity instance;
    private final PeerNudges nudges;
    private final ObjectProvider<BackgroundJobServer> jobServer;

    FleetRouting(FleetMembers members, InstanceIdentity instance, PeerNudges nudges,
                 ObjectProvider<BackgroundJobServer> jobServer) {
        this.jobServer = jobServer;
        this.members = members;
        this.instance = instance;
        this.nudges = nudges;
    }

    /**
     * The host a new run is pinned to, or null for any instance. Blocking (JDBC).
     *
     * @param requestedHost {@code ?host=}, or null
     * @param requireLive   refuse a host without a live executing instance (a submission); a schedule's firing
     *                      does not: its run waits for the host
     * @throws NoLiveHostException when the run would be pinned to a host without a live executing instance
     */
    public String pin(String requestedHost, Map<String, Object> experiment, boolean requireLive) {
        String host = requestedHost != null && !requestedHost.isBlank() ? requestedHost.strip()
                : usesHostProcesses(experiment) ? instance.host() : null;
        if (host != null && requireLive && !(host.equals(instance.host()) && executesHere())) {
            requireLive(host, requestedHost != null && !requestedHost.isBlank() ? "(named by ?host=)"
                    : "(this accepting instance's host, where its host-process functions must act; name another with ?host=)");
        }
        return host;
    }

    /** This instance executes runs of its own host: live by definition, even before its heartbeat is first stored. */
    private boolean executesHere() {
        return jobServer.getIfAvailable() != null;
    }

    /** @throws NoLiveHostException when no executing instance on {@code host} is alive */
    public void requireLive(String host, String why) {
        List<String> live = members.liveHosts(members.liveNow());
        if (!live.contains(host)) {
            throw new NoLiveHostException(host, live, why);
        }
    }

    /** Whether this instance may execute a run pinned to {@code pinnedHost} (null: any instance). */
    public boolean executableHere(String pinnedHost) {
        return pinnedHost == null || pinnedHost.equals(instance.host());
    }

    /** After its job is committed: wake the other instances that may execute a run pinned to {@code pinnedHost}. */
    public void nudgeOthers(Set<String> pinnedHosts) {
        List<String> targets = members.liveOrNone().stream()
                .filter(member -> !members.isSelf(member) && member.nudgeAddress() != null)
                .filter(member -> pinnedHosts.contains(null) || pinnedHosts.contains(member.host()))
                .map(FleetMembers.Member::nudgeAddress)
                .toList();
        nudges.nudge(targets);
    }

    /**
     * What a pinned run that has not ended waits for, when no instance of its host is alive; empty otherwise.
     * Blocking (JDBC, at most once a second).
     */
    public Optional<String> waitingFor(StoredRun run) {
        String host = run.pinnedHost();
        if (host == null || run.status() == null || run.status().terminal()) {
            return Optional.empty();
        }
        try {
            if (members.liveHosts(members.live()).contains(host)) {
                return Optional.empty();
            }
        } catch (DataAccessException e) {
            return Optional.empty();
        }
        return Optional.of(run.status() == RunStatus.QUEUED
                ? "an instance on host " + host + ": the run is pinned there and no instance on it is alive; it starts when one returns"
                : "an instance on host " + host + ": the instance executing it stopped; the run is interrupted and "
                        + "its rollbacks played when an instance on " + host + " returns (it is pinned there)");
    }

    /** Whether any activity, rollback, probe or control of the document calls a host-process module. */
    static boolean usesHostProcesses(Object node) {
        if (node instanceof Map<?, ?> map) {
            if ("python".equals(map.get("type")) && map.get("module") instanceof String module
                    && HOST_PROCESS_MODULES.contains(module)) {
                return true;
            }
            return map.values().stream().anyMatch(FleetRouting::usesHostProcesses);
        }
        if (node instanceof List<?> list) {
            return list.stream().anyMatch(FleetRouting::usesHostProcesses);
        }
        return false;
    }
}
