package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Wait mode reads the database only for runs that do not execute on the waiting instance (issue 18: an idle-cheap
 * service). A run executing here wakes its waiter in-process, so while it runs nobody reads it by id; it once was read
 * every second per waiting request. A run executed by another instance sharing the database is still noticed by the
 * poll, which the second test shows (and with it that the counter sees such reads).
 */
abstract class WaitModeWithoutPollingContract {

    abstract Map<String, String> database();

    private Map<String, String> properties(boolean workers) {
        Map<String, String> properties = new HashMap<>(database());
        properties.put(AwaitedRunReads.PROPERTY, AwaitedRunReads.class.getName());
        properties.put("jobrunr.background-job-server.enabled", String.valueOf(workers));
        return properties;
    }

    @Test
    void runExecutingHereWakesItsWaiterWithoutAnyReadOfTheRun() {
        // pinned to a host of its own: other test classes' instances on the same database (Spring's cached contexts
        // with their job servers) could otherwise execute the run, and then the waiter's poll reads it, rightly
        String host = "wait-here-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> properties = properties(true);
        properties.put("ctk.instance.host", host);
        try (ServiceInstance service = ServiceInstance.start(properties)) {
            TestUsers.ensure(service.bean(DataSource.class));
            String query = "wait=true&timeout=30&host=" + host;
            service.submit(query, Experiments.trivial()); // warm: first-use reads (users, roles) are not the waiter's
            AwaitedRunReads.reset();

            // 3 s: the former per-request poll read the run at 1 s and 2 s
            Map<String, Object> answer = service.submit(query, Experiments.sleeping(3)).body();

            assertThat(answer).containsEntry("status_code", 200);
            // while it was queued it might have been claimed by another instance, so a read then is the poll's right
            Map<String, Object> run = service.run((String) answer.get("run_id"));
            assertThat(run).containsEntry("host", host);
            Instant started = Instant.parse((String) run.get("started_at"));
            Instant ended = Instant.parse((String) run.get("ended_at"));
            assertThat(AwaitedRunReads.SEEN).as("reads of runs by id while the run executed here (%s to %s)", started, ended)
                    .noneMatch(read -> !read.at().isBefore(started) && read.at().isBefore(ended));
        }
    }

    @Test
    void runExecutedByAnotherInstanceIsNoticedByThePollOfTheWaitingInstance() {
        try (ServiceInstance executing = ServiceInstance.start(properties(true));
             ServiceInstance accepting = ServiceInstance.start(properties(false))) {
            TestUsers.ensure(executing.bean(DataSource.class));
            AwaitedRunReads.reset();

            Map<String, Object> answer = accepting.submitAndWait(Experiments.sleeping(1), 60);

            assertThat(answer).containsEntry("status_code", 200).containsEntry("journal_status", "completed");
            assertThat(AwaitedRunReads.COUNT.get()).as("reads of the awaited run by the accepting instance").isPositive();
        }
    }
}
