package io.github.dqualizer.ctk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dqualizer.ctk.CtkApplication;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A port held by another process (a real listening socket) ends start-up with one explanation naming the
 * setting to change — Spring Boot's failure-analysis report, not "Application run failed" and a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortInUseStartupTest {

    @Test
    void dashboardPortTakenThenStartupSaysCtkDashboardPort(@TempDir Path dir, CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> start(dir, "--server.port=0", "--ctk.dashboard.port=" + port));

            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains("The JobRunr dashboard could not listen on 127.0.0.1:" + port
                            + ": another process already uses port " + port + ".")
                    .contains("CTK_DASHBOARD_PORT (property ctk.dashboard.port)")
                    .doesNotContain("Application run failed");
        }
    }

    @Test
    void apiPortTakenThenStartupSaysPort(@TempDir Path dir, CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0)); // every interface, where the API listens
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> start(dir, "--server.port=" + port, "--ctk.dashboard.port=0"));

            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains("The API could not listen on port " + port + ": another process already uses it.")
                    .contains("PORT (property server.port), e.g. PORT=" + (port + 1))
                    .doesNotContain("Application run failed");
        }
    }

    private static void start(Path dir, String... ports) {
        String[] args = {ports[0], ports[1],
                "--spring.datasource.url=jdbc:h2:mem:ports-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "--jobrunr.background-job-server.enabled=false",
                "--ctk.secrets.key-file=" + dir.resolve("secrets.key")};
        new SpringApplicationBuilder(CtkApplication.class).run(args).close();
    }
}
