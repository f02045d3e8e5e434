package io.github.dqualizer.ctk.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.CtkApplication;
import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One executable policy in the {@code prod} profile: without {@code ctk.process.allowed-executables} nothing may
 * run; with a list, {@code process} activities and both {@code processStarting} functions run only what it holds,
 * refused at validation (400) when the program is named literally and at run time (nothing started) otherwise.
 */
class ProductionExecutablePolicyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void prodWithoutListRefusesEcho() {
        try (ConfigurableApplicationContext app = start()) {
            Answer answer = submit(app, false, processActivity("echo", "[\"hi\"]"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.info()).containsExactly("method[0].provider.path: path 'echo' may not run: no executable "
                    + "is allowed until ctk.process.allowed-executables lists it (an empty list allows none in the prod "
                    + "profile), in activity 'run'");
        }
    }

    @Test
    void prodWithEchoRunsEchoAndRefusesSh() {
        try (ConfigurableApplicationContext app = start("--ctk.process.allowed-executables=echo")) {
            Answer echo = submit(app, true, processActivity("echo", "[\"hi\"]"));
            Answer sh = submit(app, false, processActivity("sh", "[\"-c\", \"echo hi\"]"));

            assertThat(echo.status()).as(echo.body().toString()).isEqualTo(200);
            assertThat(echo.body().get("journal_status")).isEqualTo("completed");
            assertThat(sh.status()).isEqualTo(400);
            assertThat(sh.info()).containsExactly("method[0].provider.path: path 'sh' is not on the allow-list "
                    + "(ctk.process.allowed-executables), in activity 'run'");
        }
    }

    @Test
    void processStartingFunctionsObeyTheList() throws IOException {
        Path allowed = script("allowed");
        Path other = script("other");
        Path jar = Files.writeString(dir.resolve("app.jar"), "not started");
        try (ConfigurableApplicationContext app = start("--ctk.process.allowed-executables=" + allowed)) {
            Answer byPath = submit(app, false, starting("start_process_by_path", other.toString(), Map.of()));
            Answer jvm = submit(app, false, starting("start_jvm_process_by_path", jar.toString(), Map.of()));
            // the path comes from the configuration: validation cannot know it, the run refuses it without starting it
            Answer substituted = submit(app, true, starting("start_process_by_path", "${program}",
                    Map.of("program", other.toString())));
            Answer listed = submit(app, true, starting("start_process_by_path", allowed.toString(), Map.of()));

            assertThat(byPath.status()).isEqualTo(400);
            assertThat(byPath.info()).containsExactly("method[0].provider.arguments.path: path '" + other
                    + "' is not on the allow-list (ctk.process.allowed-executables), in activity 'start'");
            assertThat(jvm.status()).isEqualTo(400);
            assertThat(jvm.info()).containsExactly("method[0].provider.arguments.path: path '" + jar
                    + "' is not on the allow-list (ctk.process.allowed-executables), in activity 'start'");
            assertThat(activity(app, substituted)).as("the action failed").containsEntry("status", "failed")
                    .extractingByKey("exception").asString().contains("Refused: path '" + other
                            + "' is not on the allow-list (ctk.process.allowed-executables); nothing was started");
            assertThat(listed.body().get("journal_status")).as(listed.body().toString()).isEqualTo("completed");
            assertThat(dir.resolve("other.ran")).as("the refused program never started").doesNotExist();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.exists(dir.resolve("allowed.ran")));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> activity(ConfigurableApplicationContext app, Answer answer) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String journal = TestUsers.authorized(LocalClient.on(port, Duration.ofSeconds(30)).get()
                        .uri("/experiments/" + answer.body().get("run_id") + "/journal"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) JSON.readValue(journal, Map.class).get("run")).get(0);
    }

    private Path script(String name) throws IOException {
        Path script = dir.resolve(name + ".sh");
        Files.writeString(script, "#!/bin/sh\ntouch " + dir.resolve(name + ".ran") + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String processActivity(String path, String arguments) {
        return """
                {"title": "t", "description": "d",
                 "method": [{"type": "action", "name": "run", "provider": {"type": "process", "path": "%s", "arguments": %s}}]}
                """.formatted(path, arguments);
    }

    private static String starting(String func, String path, Map<String, String> configuration) {
        return """
                {"title": "t", "description": "d", "configuration": %s,
                 "method": [{"type": "action", "name": "start", "provider": {"type": "python",
                   "module": "processStarting", "func": "%s",
                   "arguments": {"db_username": "%s", "db_password": "%s", "username": "%s", "password": "%s",
                                 "path": "%s"}}}]}
                """.formatted(JSON.writeValueAsString(configuration), func, TestUsers.DB_USER, TestUsers.DB_PASSWORD,
                TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD, path);
    }

    @SuppressWarnings("unchecked")
    private static Answer submit(ConfigurableApplicationContext app, boolean wait, String experiment) {
        TestUsers.ensure(app.getBean(DataSource.class));
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(60));
        WebTestClient.ResponseSpec response = TestUsers.authorized(client.post()
                        .uri("/execute_experiment" + (wait ? "?wait=true&timeout=30" : ""))
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange();
        var result = response.expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), JSON.readValue(result.getResponseBody(), Map.class));
    }

    private ConfigurableApplicationContext start(String... extra) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-exec-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "--ctk.dashboard.enabled=false",
                "--ctk.host.log-directory=" + dir.resolve("logs"),
                "--ctk.secrets.key=" + Base64.getEncoder().encodeToString(key)));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CtkApplication.class).profiles("prod").run(args.toArray(String[]::new));
    }

    private record Answer(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        List<String> info() {
            return (List<String>) body.get("info");
        }
    }
}
