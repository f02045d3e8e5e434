package io.github.dqualizer.ctk.jobs.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.jobs.states.SucceededState;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.jobrunr.server.runner.ThreadLocalJobContext;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * Fails loudly when JobRunr changes the internals this package adapts (the rest of the service uses only JobRunr's
 * public API): the fetch hook {@link JobStartNudger} uses for instant job starts (ADR 0001), the thread-local job
 * context {@link CurrentJob} reads, and the dashboard handlers {@link JobRunrDashboard} serves on a server of its own
 * with Requeue replaced (ADR 0003). If this fails after a JobRunr upgrade, re-check those ADRs before changing the
 * adapter. Real JobRunr classes throughout (in-memory storage, a JDK server on loopback).
 */
class JobRunrInternalsContractTest {

    private static final JobDetails RUN_JOB =
            new JobDetails("io.github.dqualizer.ctk.jobs.ExperimentJob", null, "execute", List.of());

    @Test
    void jobRunrStillExposesTheFetchHookTheNudgerUses() throws NoSuchMethodException {
        Method steward = BackgroundJobServer.class.getMethod("getJobSteward");
        assertThat(steward.getReturnType()).isEqualTo(JobSteward.class);
        for (String name : new String[] {"notifyThreadOccupied", "notifyThreadIdle"}) {
            Method method = JobSteward.class.getMethod(name);
            assertThat(Modifier.isPublic(method.getModifiers())).as(name + " is public").isTrue();
            assertThat(method.getParameterCount()).as(name + " takes no arguments").isZero();
        }
    }

    /** JobRunr's runner sets the context with a package-private method; reflection plays the runner here. */
    @Test
    void currentJobIsWhatJobRunrsRunnerSetsOnTheWorkerThread() throws Exception {
        assertThat(CurrentJob.executing()).as("off a worker thread").isEmpty();
        UUID runId = UUID.randomUUID();
        JobContext context = new JobContext(new Job(runId, RUN_JOB)) {
        };
        Method set = ThreadLocalJobContext.class.getDeclaredMethod("setJobContext", JobContext.class);
        Method clear = ThreadLocalJobContext.class.getDeclaredMethod("clear");
        set.setAccessible(true);
        clear.setAccessible(true);
        set.invoke(null, context);
        try {
            assertThat(CurrentJob.executing()).containsSame(context);
            assertThat(CurrentJob.ofRun(runId.toString())).containsSame(context);
            assertThat(CurrentJob.ofRun(UUID.randomUUID().toString())).as("another run's job").isEmpty();
        } finally {
            clear.invoke(null);
        }
        assertThat(CurrentJob.executing()).isEmpty();
    }

    @Test
    void dashboardServesJobRunrsRoutesAndRequeueAsksTheActionFirst() throws Exception {
        Jackson3JsonMapper json = new Jackson3JsonMapper();
        InMemoryStorageProvider storage = new InMemoryStorageProvider();
        storage.setJobMapper(new JobMapper(json));
        Job finished = new Job(UUID.randomUUID(), RUN_JOB, new SucceededState(Duration.ZERO, Duration.ofSeconds(1)));
        storage.save(finished);
        List<UUID> asked = new CopyOnWriteArrayList<>();
        JobRunrDashboard dashboard = new JobRunrDashboard(storage, json, jobId -> {
            asked.add(jobId);
            return RequeueAction.Outcome.REFUSED;
        });

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (JobRunrDashboard.Handlers handlers = dashboard.handlers()) {
            Map<String, HttpHandler> routes = handlers.byContextPath();
            assertThat(routes.keySet()).containsExactly("/", "/dashboard", "/api", "/sse");
            routes.forEach(server::createContext);
            server.start();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/api/jobs/" + finished.getId() + "/requeue"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("the action refused, so JobRunr's own requeue did not run").isEqualTo(409);
            assertThat(asked).containsExactly(finished.getId());
            assertThat(storage.getJobById(finished.getId()).getState()).as("the job's state stays as it was")
                    .isEqualTo(StateName.SUCCEEDED);
        } finally {
            server.stop(0);
        }
    }
}
