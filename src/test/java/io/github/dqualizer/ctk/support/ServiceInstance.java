package io.github.dqualizer.ctk.support;

import io.github.dqualizer.ctk.CtkApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A whole service instance started and stopped by a test (for restarts), on a free port. */
public final class ServiceInstance implements AutoCloseable {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    private final ConfigurableApplicationContext context;
    private WebTestClient client;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.client = clientFor(context);
    }

    private static WebTestClient clientFor(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return LocalClient.on(port, Duration.ofSeconds(30));
    }

    public static ServiceInstance start(Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ctk.dashboard.enabled=false",
                "--ctk.secrets.key-file=target/test-secrets.key"));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new ServiceInstance(new SpringApplicationBuilder(CtkApplication.class).run(args.toArray(String[]::new)));
    }

    /** An instance on the given database. */
    public static ServiceInstance onDatabase(String url) {
        return start(Map.of("spring.datasource.url", url));
    }

    /** An instance on the given database that accepts and shows runs but executes none (no JobRunr job server). */
    public static ServiceInstance onDatabaseWithoutWorkers(String url) {
        return start(Map.of("spring.datasource.url", url, "jobrunr.background-job-server.enabled", "false"));
    }

    /** Stops and starts the running context's lifecycle beans, as Spring's test context cache does when it pauses one. */
    public void stopAndStart() {
        context.stop();
        context.start();
        client = clientFor(context); // the web server took a new free port
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Map<String, Object> submit(String experiment) {
        return TestUsers.authorized(client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    /** {@code POST /execute_experiment?<query>}: status code and envelope, whatever the status. */
    public ExternalService.Response submit(String query, String experiment) {
        var result = TestUsers.authorized(client.post().uri("/execute_experiment?" + query).contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectBody(JSON_MAP).returnResult();
        return new ExternalService.Response(result.getStatus().value(), result.getResponseBody());
    }

    /** Wait mode: the envelope once the run has ended, or with 202 after {@code timeoutSeconds}. */
    public Map<String, Object> submitAndWait(String experiment, int timeoutSeconds) {
        return TestUsers.authorized(client.post().uri("/execute_experiment?wait=true&timeout=" + timeoutSeconds)
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    public Map<String, Object> run(String runId) {
        return TestUsers.authorized(client.get().uri("/experiments/" + runId)).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    public void cancel(String runId) {
        TestUsers.authorized(client.post().uri("/experiments/" + runId + "/cancel")).exchange()
                .expectStatus().isAccepted();
    }

    /** Emergency stop as the given operator (see {@link TestUsers#putOperator}). */
    public void stopAll(String operator, String password) {
        client.post().uri("/experiments/stop-all")
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", operator).header("password", password)
                .exchange().expectStatus().isOk();
    }

    public Map<String, Object> journal(String runId) {
        return TestUsers.authorized(client.get().uri("/experiments/" + runId + "/journal")).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    @Override
    public void close() {
        context.close();
    }
}
