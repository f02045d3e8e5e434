package io.github.dqualizer.ctk.notifications;

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

/** In profile {@code prod} callbacks are off by default, and enabled only with a signing key. */
class CallbackSigningKeyProductionTest {

    @TempDir
    Path dir;

    @Test
    void prodWithCallbacksEnabledWithoutSigningKeyThenRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> start("--ctk.notifications.enabled=true").close())
                .rootCause().hasMessageContaining("Refusing to start").hasMessageContaining("CTK_NOTIFICATIONS_SIGNING_KEY");
    }

    @Test
    void prodWithCallbacksEnabledAndSigningKeyThenStarts() {
        try (ConfigurableApplicationContext app = start("--ctk.notifications.enabled=true",
                "--ctk.notifications.signing-key=0123456789abcdef")) {
            assertThat(app.getBean(NotificationProperties.class).enabled()).isTrue();
        }
    }

    @Test
    void prodByDefaultThenStartsWithCallbacksDisabled() {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(NotificationProperties.class).enabled()).isFalse();
            assertThatThrownBy(() -> app.getBean(CallbackTargets.class).check("http://127.0.0.1/hook"))
                    .hasMessageContaining("ctk.notifications.enabled");
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "--jobrunr.background-job-server.enabled=false",
                "--ctk.dashboard.enabled=false",
                "--ctk.secrets.key=" + key(),
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
