package io.github.dqualizer.ctk.jobs.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** The experiments the fleet tests submit. */
final class FleetExperiments {

    private FleetExperiments() {
    }

    static String sleep(String title, int seconds) {
        return """
                {"title": "%s", "description": "sleeps",
                 "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "%d"}}]}
                """.formatted(title, seconds);
    }

    /**
     * Submits {@code count} two-second runs at once from as many clients, as a burst of dqualizer executions would, and
     * returns their run ids; each must be accepted (202).
     */
    static List<String> submitTwoSecondRunsAtOnce(int count, Function<String, ExternalService.Response> submit)
            throws InterruptedException, ExecutionException {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<ExternalService.Response>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String title = "round " + i;
                responses.add(CompletableFuture.supplyAsync(() -> submit.apply(sleep(title, 2)), clients));
            }
            List<String> runIds = new ArrayList<>();
            for (CompletableFuture<ExternalService.Response> response : responses) {
                assertThat(response.get().statusCode()).as("%s", response.get().body()).isEqualTo(202);
                runIds.add((String) response.get().body().get("run_id"));
            }
            return runIds;
        } finally {
            clients.shutdown();
        }
    }

    /** A long action (longer than any test waits) whose rollback touches the marker. */
    static String longRunWithRollback(String title, Path rollbackMarker) {
        return """
                {"title": "%s", "description": "a long action with a rollback",
                 "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": "300"}}],
                 "rollbacks": [{"type": "action", "name": "mark", "provider": {"type": "process", "path": "touch", "arguments": ["%s"]}}]}
                """.formatted(title, rollbackMarker);
    }

    /** A host-process probe: pinned to the accepting host when it names none. */
    static String hostProcessExperiment() {
        return """
                {"title": "host process", "description": "looks at this host's processes",
                 "method": [{"type": "probe", "name": "java exists", "provider": {"type": "python",
                   "module": "processMonitoring", "func": "check_process_exists",
                   "arguments": {"db_username": "%s", "db_password": "%s", "username": "%s", "password": "%s",
                                 "process_name": "java"}}}]}
                """.formatted(TestUsers.DB_USER, TestUsers.DB_PASSWORD, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD);
    }
}
