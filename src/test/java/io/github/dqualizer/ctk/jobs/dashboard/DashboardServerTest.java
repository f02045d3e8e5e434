package io.github.dqualizer.ctk.jobs.dashboard;

import io.github.dqualizer.ctk.jobs.jobrunr.JobRunrDashboard;
import io.github.dqualizer.ctk.jobs.jobrunr.RequeueAction;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard server answers as the JDK's HTTP server did for JobRunr's own handlers, now on Reactor Netty: the
 * account first (401 with the realm, also for a malformed header), the redirect, the API's JSON, the static UI, and an
 * event stream that stays open and ends when the server stops. Real JobRunr handlers over its in-memory storage, a real
 * server on loopback, the JDK's HTTP client.
 */
class DashboardServerTest {

    private static final DashboardCredentials ACCOUNT = new DashboardCredentials("operator", "s3cret-" + UUID.randomUUID());

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private InMemoryStorageProvider storage;
    private DashboardServer server;

    @BeforeEach
    void start() {
        Jackson3JsonMapper json = new Jackson3JsonMapper();
        storage = new InMemoryStorageProvider();
        storage.setJobMapper(new JobMapper(json));
        JobRunrDashboard dashboard = new JobRunrDashboard(storage, json, jobId -> RequeueAction.Outcome.REFUSED);
        DashboardProperties properties = new DashboardProperties(true, "127.0.0.1", 0, 0, ACCOUNT.username(),
                ACCOUNT.password(), null, false);
        server = new DashboardServer(properties, 0, false, "shared tables", ACCOUNT, dashboard::handlers);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void withoutOrWithWrongOrMalformedAccountThen401NamingTheRealm() throws Exception {
        HttpResponse<String> none = send(get("/api/jobs?state=ENQUEUED&offset=0&limit=20"));
        HttpResponse<String> wrong = send(get("/api/jobs").header("Authorization", basic("operator", "wrong")));
        HttpResponse<String> malformed = send(get("/dashboard/").header("Authorization", "Basic %%% not base64"));

        for (HttpResponse<String> answer : java.util.List.of(none, wrong, malformed)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                    assertThat(value).startsWith("Basic realm=\"JobRunr dashboard\""));
        }
    }

    @Test
    void withTheAccountThenRedirectApiJsonAndStaticUi() throws Exception {
        Job job = new Job(UUID.randomUUID(), new JobDetails(DashboardServerTest.class.getName(), null, "toString",
                java.util.List.of()), new EnqueuedState());
        storage.save(job);

        HttpResponse<String> root = send(authorized("/"));
        HttpResponse<String> jobs = send(authorized("/api/jobs?state=ENQUEUED&offset=0&limit=20"));
        HttpResponse<String> ui = send(authorized("/dashboard/"));
        HttpResponse<String> unknown = send(authorized("/dashboard/no-such-file.js"));

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(jobs.body()).contains(job.getId().toString()).contains("\"total\":1");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("<html");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void eventStreamStaysOpenWithItsFirstEventAndEndsWhenTheServerStops() throws Exception {
        HttpResponse<InputStream> stream = client.send(authorized("/sse/jobstats").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));

        CompletableFuture<String> firstData = CompletableFuture.supplyAsync(() -> readUntil(reader, "data: {"));
        assertThat(firstData.get(10, TimeUnit.SECONDS)).as("JobRunr's job statistics, pushed on the open stream")
                .contains("\"enqueued\"");

        CompletableFuture<String> end = CompletableFuture.supplyAsync(() -> readUntil(reader, "event: close"));
        server.stop();
        assertThat(end.get(10, TimeUnit.SECONDS)).as("stopping the server ends the stream").isNotNull();
        server.start(); // for @AfterEach
    }

    private static String readUntil(BufferedReader reader, String prefix) {
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder authorized(String path) {
        return get(path).header("Authorization", basic(ACCOUNT.username(), ACCOUNT.password()));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
