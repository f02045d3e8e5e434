package io.github.dqualizer.ctk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dqualizer.ctk.CtkApplication;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code prod} profile refuses to start without an encryption key or a dashboard account, or with a key file
 * every experiment's process could read that holds a configured key, and starts with both.
 */
class ProductionProfileTest {

    @TempDir
    Path dir;

    @Test
    void prodWithoutSecretsKeyThenRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> start("--ctk.dashboard.username=operator", "--ctk.dashboard.password=pw").close())
                .rootCause().hasMessageContaining("Refusing to start").hasMessageContaining("CTK_SECRETS_KEY");
        assertThat(dir.resolve("secrets.key")).as("no key was generated").doesNotExist();
    }

    @Test
    void prodWithoutDashboardAccountThenRefusesToStartNamingTheVariables() {
        assertThatThrownBy(() -> start("--ctk.secrets.key=" + key()).close())
                .rootCause().hasMessageContaining("Refusing to start").hasMessageContaining("CTK_DASHBOARD_PASSWORD");
        assertThat(dir.resolve("dashboard-password")).as("no password was generated").doesNotExist();
    }

    @Test
    void prodWithKeyFileHoldingTheConfiguredKeyThenRefusesToStartNamingTheFile() throws Exception {
        String key = key();
        java.nio.file.Files.writeString(dir.resolve("secrets.key"), key + "\n"); // left from the embedded default

        assertThatThrownBy(() -> start("--ctk.secrets.key=" + key(), "--ctk.secrets.retired-keys=" + key,
                "--ctk.dashboard.enabled=false").close())
                .rootCause().hasMessageContaining("Refusing to start")
                .hasMessageContaining(dir.resolve("secrets.key").toAbsolutePath().toString())
                .hasMessageContaining("could read it").hasMessageNotContaining(key);
    }

    @Test
    void prodWithKeyAndDashboardAccountThenStarts() {
        try (ConfigurableApplicationContext app = start("--ctk.secrets.key=" + key(),
                "--ctk.dashboard.username=operator", "--ctk.dashboard.password=Op3rator-pw")) {
            assertThat(app.getEnvironment().getActiveProfiles()).containsExactly("prod");
            assertThat(app.getBean(EncryptionProperties.class).required()).isTrue();
            assertThat(app.isRunning()).isTrue();
        }
    }

    @Test
    void prodWithKeyAndDashboardDisabledThenStarts() {
        try (ConfigurableApplicationContext app = start("--ctk.secrets.key=" + key(), "--ctk.dashboard.enabled=false")) {
            assertThat(app.isRunning()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "--jobrunr.background-job-server.enabled=false",
                "--ctk.dashboard.port=0",
                "--ctk.secrets.key-file=" + dir.resolve("secrets.key")));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CtkApplication.class).profiles("prod").run(args.toArray(String[]::new));
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
