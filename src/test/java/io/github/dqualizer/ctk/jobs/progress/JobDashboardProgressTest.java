package io.github.dqualizer.ctk.jobs.progress;

import io.github.dqualizer.ctk.support.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.jobs.cluster.InstanceProperties;
import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.context.JobDashboardLogger.JobDashboardLogLine;
import org.jobrunr.jobs.context.JobDashboardLogger.JobDashboardLogLines;
import org.jobrunr.jobs.context.JobDashboardLogger.Level;
import org.jobrunr.jobs.context.JobDashboardProgressBar.JobDashboardProgress;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs experiments through the real application and reads their jobs back from JobRunr's storage: the
 * dashboard progress bar and one log line per activity (name, status, duration; no secret, no output).
 */
// the properties of ExecuteExperimentH2Test: Spring reuses that application context instead of starting another
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class JobDashboardProgressTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    // JobRunr keys its dashboard metadata by the number of job states when first used: ENQUEUED, PROCESSING
    private static final String PROGRESS_KEY = "jobRunrDashboardProgressBar-2";
    private static final String LOG_KEY = "jobRunrDashboardLog-2";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StorageProvider storageProvider;
    @Autowired
    InstanceProperties instance;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(30));
    }

    @Test
    void runWhenAllActivitiesSucceedThenFullBarAndOneLogLinePerActivity() {
        Job job = finishedJob(run(Experiments.withSteadyState("dashboard progress")));

        JobDashboardProgress progress = (JobDashboardProgress) job.getMetadata().get(PROGRESS_KEY);
        assertThat(progress.getTotalAmount()).isEqualTo(4L); // probe before, action, probe after, rollback
        assertThat(progress.getSucceededAmount()).isEqualTo(4L);
        assertThat(progress.getFailedAmount()).isZero();
        assertThat(progress.getProgressAsPercentage()).isEqualTo(100);

        List<JobDashboardLogLine> lines = logLines(job);
        assertThat(lines).extracting(JobDashboardLogLine::getLogMessage)
                .satisfiesExactly(
                        line -> assertThat(line).matches("hypothesis-before 'echo' succeeded in \\d+\\.\\d{3} s"),
                        line -> assertThat(line).matches("method 'noop' succeeded in \\d+\\.\\d{3} s"),
                        line -> assertThat(line).matches("hypothesis-after 'echo' succeeded in \\d+\\.\\d{3} s"),
                        line -> assertThat(line).matches("rollback 'undo' succeeded in \\d+\\.\\d{3} s"));
        assertThat(lines).extracting(JobDashboardLogLine::getLevel).containsOnly(Level.INFO);
        assertThat(lines).extracting(JobDashboardLogLine::getLogMessage).noneMatch(line -> line.contains("hello"));
    }

    @Test
    void runWhenHypothesisProbeFailsThenBarCountsTheFailureAndTotalShrinksToWhatRan() {
        Job job = finishedJob(run(Experiments.hypothesisProbeTimesOut()));

        JobDashboardProgress progress = (JobDashboardProgress) job.getMetadata().get(PROGRESS_KEY);
        assertThat(progress.getTotalAmount()).isEqualTo(1L); // planned 3; the failed hypothesis stopped the run
        assertThat(progress.getSucceededAmount()).isZero();
        assertThat(progress.getFailedAmount()).isEqualTo(1L);
        assertThat(logLines(job)).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getLogMessage()).matches("hypothesis-before 'slow' failed in \\d+\\.\\d{3} s");
        });
    }

    @Test
    void runWhenExperimentUsesSecretThenNoSecretInDashboardMetadata() {
        String secret = "dash-" + System.nanoTime();
        Job job = finishedJob(run(Experiments.withSecret(secret)));

        assertThat(logLines(job)).extracting(JobDashboardLogLine::getLogMessage)
                .singleElement().asString().startsWith("method 'echo secret' succeeded in ");
        assertThat(storageProvider.getJobById(job.getId()).toString()).doesNotContain(secret);
        assertThat(logLines(job).toString()).doesNotContain(secret);
    }

    private Job finishedJob(String runId) {
        UUID id = UUID.fromString(runId);
        await().atMost(Duration.ofSeconds(30)).until(() -> storageProvider.getJobById(id).getState() != StateName.ENQUEUED && storageProvider.getJobById(id).getState() != StateName.PROCESSING);
        return storageProvider.getJobById(id);
    }

    /** The activity lines, after the first line, which names the host that executed the run. */
    private List<JobDashboardLogLine> logLines(Job job) {
        List<JobDashboardLogLine> lines = List.copyOf(((JobDashboardLogLines) job.getMetadata().get(LOG_KEY)).getLogLines());
        assertThat(lines).first().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getLogMessage()).isEqualTo("Executing on host " + instance.host());
        });
        return lines.subList(1, lines.size());
    }

    private String run(String experiment) {
        Map<String, Object> body = TestUsers.authorized(client.post().uri("/execute_experiment?wait=true")
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("run_id");
    }
}
