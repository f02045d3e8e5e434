package io.github.dqualizer.ctk.providers.host;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Decides which processes an experiment may kill or start: never this service, its ancestors,
 * PID 1 or a deny-listed name; only allow-listed names when an allow-list is configured.
 */
@Component
class ProcessGuard {

    private final HostProperties properties;

    public ProcessGuard(HostProperties properties) {
        this.properties = properties;
    }

    /** Fails when {@code processName} is deny-listed or not allow-listed. */
    public void checkName(String processName) {
        if (properties.deniedProcessNames().contains(processName)) {
            throw new ActivityFailedException("Refused: process name '" + processName + "' is on the deny-list (ctk.host.denied-process-names)");
        }
        checkAllowed(List.of(processName));
    }

    /** Fails unless the allow-list is empty or holds one of {@code names}. */
    public void checkAllowed(Collection<String> names) {
        List<String> allowed = properties.allowedProcessNames();
        if (!allowed.isEmpty() && names.stream().noneMatch(allowed::contains)) {
            throw new ActivityFailedException("Refused: " + names + " is not on the allow-list (ctk.host.allowed-process-names)");
        }
    }

    /** Fails, naming the first protected one, when any of {@code targets} must not be killed. */
    public void checkKillable(List<RunningProcess> targets) {
        Set<Long> protectedPids = protectedPids();
        for (RunningProcess target : targets) {
            refusal(target, protectedPids).ifPresent(reason -> {
                throw new ActivityFailedException("Refused to kill: " + reason + "; nothing was killed");
            });
        }
    }

    /** Why {@code target} must not be killed, if it must not. */
    public Optional<String> refusal(RunningProcess target) {
        return refusal(target, protectedPids());
    }

    private Optional<String> refusal(RunningProcess target, Set<Long> protectedPids) {
        long self = ProcessHandle.current().pid();
        if (target.pid() == self) {
            return Optional.of("PID " + target.pid() + " (" + target.name() + ") is this service");
        }
        if (target.pid() == 1) {
            return Optional.of("PID 1 (" + target.name() + ") is the system's init process");
        }
        if (protectedPids.contains(target.pid())) {
            return Optional.of("PID " + target.pid() + " (" + target.name() + ") is an ancestor of this service");
        }
        if (properties.deniedProcessNames().contains(target.name())) {
            return Optional.of("PID " + target.pid() + " (" + target.name() + ") is on the deny-list");
        }
        return Optional.empty();
    }

    private static Set<Long> protectedPids() {
        Set<Long> pids = new HashSet<>();
        pids.add(1L);
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent() && pids.add(ancestor.get().pid())) {
            ancestor = ancestor.get().parent();
        }
        return pids;
    }
}
