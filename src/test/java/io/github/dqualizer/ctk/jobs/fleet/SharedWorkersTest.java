package io.github.dqualizer.ctk.jobs.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.ServiceInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executing instance serves two JobRunr table sets (shared and its host's, docs/adr/0008-fleet-routing.md) with
 * one pool of {@code worker-count} workers: pinned and unpinned runs together never run more than that at once.
 * With a pool per server the four runs below ran at once on two configured workers.
 */
class SharedWorkersTest {

    private static final String HOST = "workers-host";

    @TempDir
    Path dir;

    @Test
    void pinnedAndUnpinnedRunsTogetherThenAtMostWorkerCountRunAtOnce() throws Exception {
        String database = "jdbc:h2:mem:ctk-shared-workers-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Path running = Files.createDirectories(dir.resolve("running"));
        Path seen = dir.resolve("seen");
        try (ServiceInstance instance = ServiceInstance.start(Map.of("spring.datasource.url", database,
                "ctk.instance.host", HOST, "jobrunr.background-job-server.worker-count", "2"))) {
            List<String> runIds = new ArrayList<>();
            for (String query : List.of("host=" + HOST, "", "host=" + HOST, "")) {
                ExternalService.Response response = instance.submit(query, countingRun(running, seen));
                assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
                runIds.add((String) response.body().get("run_id"));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> runIds.stream()
                    .allMatch(id -> "completed".equals(instance.run(id).get("status"))));
            assertThat(runIds.stream().map(id -> instance.run(id).get("pinned_host")).filter(HOST::equals)).hasSize(2);
            // each run wrote how many runs were executing (itself included) when it started
            List<Integer> concurrent = Files.readAllLines(seen).stream().map(String::trim).map(Integer::valueOf).toList();
            assertThat(concurrent).hasSize(4).allSatisfy(count -> assertThat(count).isBetween(1, 2));
        }
    }

    private static String countingRun(Path running, Path seen) {
        String script = "touch %1$s/$$; ls %1$s | wc -l >> %2$s; sleep 2; rm %1$s/$$".formatted(running, seen);
        return """
                {"title": "counted", "description": "counts the runs executing beside it",
                 "method": [{"type": "action", "name": "count", "provider": {"type": "process", "path": "sh",
                   "arguments": ["-c", "%s"]}}]}
                """.formatted(script);
    }
}
