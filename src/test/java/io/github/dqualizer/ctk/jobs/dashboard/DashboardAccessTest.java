package io.github.dqualizer.ctk.jobs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dqualizer.ctk.CtkApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The JobRunr dashboard is never open: real HTTP requests to its port with no, wrong and right credentials. */
@ExtendWith(OutputCaptureExtension.class)
class DashboardAccessTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noAccountConfiguredThenGeneratedOwnerOnlyPasswordFileAndOnlyItsPathLogged(@TempDir Path dir,
                                                                                  CapturedOutput output) throws Exception {
        Path file = dir.resolve("dashboard-password");
        String password;
        try (ConfigurableApplicationContext app = start(dir)) {
            DashboardServer server = app.getBean(DashboardServer.class);
            assertThat(server.boundAddress().getAddress().isLoopbackAddress()).as("loopback by default").isTrue();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            password = Files.readString(file).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);

            int port = server.port();
            for (String path : List.of("/dashboard", "/api/jobs?state=ENQUEUED", "/", "/anything")) {
                assertThat(status(port, path, null)).as(path + " without credentials").isEqualTo(401);
                assertThat(status(port, path, "admin:wrong")).as(path + " with a wrong password").isEqualTo(401);
                assertThat(status(port, path, "root:" + password)).as(path + " with a wrong user").isEqualTo(401);
                assertThat(status(port, path, "admin:" + password + "x")).as(path + " with a longer password").isEqualTo(401);
            }
            assertThat(rawStatus(port, "Basic !!not-base64!!")).as("malformed header").isEqualTo(401);
            assertThat(rawStatus(port, "Bearer " + password)).as("another scheme").isEqualTo(401);
            assertThat(status(port, "/api/jobs?state=ENQUEUED&offset=0&limit=20&order=updatedAt:ASC", "admin:" + password))
                    .isEqualTo(200);
        }
        assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(password);

        try (ConfigurableApplicationContext again = start(dir)) {
            assertThat(Files.readString(file).trim()).as("generated once, kept across restarts").isEqualTo(password);
            int port = again.getBean(DashboardServer.class).port();
            assertThat(status(port, "/api/jobs?state=ENQUEUED&offset=0&limit=20&order=updatedAt:ASC", "admin:" + password))
                    .isEqualTo(200);
        }
        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void accountConfiguredThenOnlyThatAccountAndNoFile(@TempDir Path dir) throws Exception {
        try (ConfigurableApplicationContext app = start(dir, "--ctk.dashboard.username=operator",
                "--ctk.dashboard.password=Op3rator-pw")) {
            int port = app.getBean(DashboardServer.class).port();
            assertThat(status(port, "/dashboard", null)).isEqualTo(401);
            assertThat(status(port, "/dashboard", "operator:wrong")).isEqualTo(401);
            assertThat(status(port, "/dashboard", "admin:Op3rator-pw")).isEqualTo(401);
            assertThat(status(port, "/api/jobs?state=ENQUEUED&offset=0&limit=20&order=updatedAt:ASC",
                    "operator:Op3rator-pw")).isEqualTo(200);
        }
        assertThat(dir.resolve("dashboard-password")).doesNotExist();
    }

    @Test
    void onlyUsernameConfiguredThenRefusesToStart(@TempDir Path dir) {
        assertThatThrownBy(() -> start(dir, "--ctk.dashboard.username=operator").close())
                .rootCause().hasMessageContaining("set both ctk.dashboard.username and ctk.dashboard.password");
    }

    private static ConfigurableApplicationContext start(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:dash-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "--jobrunr.background-job-server.enabled=false",
                "--ctk.dashboard.port=0",
                "--ctk.secrets.key-file=" + dir.resolve("secrets.key")));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CtkApplication.class).run(args.toArray(String[]::new));
    }

    private int rawStatus(int port, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dashboard"))
                .header("Authorization", authorization).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int status(int port, String path, String userColonPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (userColonPassword != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
