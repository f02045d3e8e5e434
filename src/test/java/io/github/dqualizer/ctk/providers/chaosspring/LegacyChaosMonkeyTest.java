package io.github.dqualizer.ctk.providers.chaosspring;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.github.dqualizer.ctk.providers.chaosspring.ChaosSpring.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The probes' fallbacks for CMSB versions before 2.6, whose answers chaosspring 0.3.2 was written for:
 * {@code /status} answered 200 "Ready to be evil!" or 503 "You switched me off!", and the watcher settings
 * were at {@code /watcher} (2.0/2.1). Those versions do not run on Spring Boot 4, so fixed answers stand in.
 */
class LegacyChaosMonkeyTest {

    private final ChaosSpring chaosSpring = new ChaosSpring();

    @Test
    void statusAnsweredWith200PlainTextMeansEnabled() throws Exception {
        try (FakeActuator cmsb = FakeActuator.http().answer("chaosmonkey/status", 200, "Ready to be evil!")) {
            assertThat(call(chaosSpring.enabled, cmsb.actuatorUrl("http"))).isEqualTo(true);
        }
    }

    @Test
    void statusAnsweredWith503MeansDisabled() throws Exception {
        try (FakeActuator cmsb = FakeActuator.http().answer("chaosmonkey/status", 503, "You switched me off!")) {
            assertThat(call(chaosSpring.enabled, cmsb.actuatorUrl("http"))).isEqualTo(false);
        }
    }

    @Test
    void statusAnsweredOtherwiseFailsWithTheAnswer() {
        try (FakeActuator cmsb = FakeActuator.http().answer("chaosmonkey/status", 401, "Unauthorized")) {
            assertThatThrownBy(() -> call(chaosSpring.enabled, cmsb.actuatorUrl("http")))
                    .hasMessageStartingWith("ChaosMonkey status enquiry failed: Unauthorized (HTTP 401 from ");
        }
    }

    @Test
    void watcherSettingsComeFromWatcherWhenWatchersIsMissing() throws Exception {
        try (FakeActuator cmsb = FakeActuator.http()
                .answer("chaosmonkey/watchers", 404, "")
                .answer("chaosmonkey/watcher", 200, "{\"service\":true,\"controller\":false}")) {
            assertThat(call(chaosSpring.watchers, cmsb.actuatorUrl("http")))
                    .isEqualTo(Map.of("service", true, "controller", false));
        }
    }

    @Test
    void probeAnswerThatIsNoJsonFails() {
        try (FakeActuator cmsb = FakeActuator.http().answer("chaosmonkey/assaults", 200, "<html>login</html>")) {
            assertThatThrownBy(() -> call(chaosSpring.assaults, cmsb.actuatorUrl("http")))
                    .hasMessageStartingWith("ChaosMonkey assaults enquiry failed: the answer is not JSON: <html>");
        }
    }
}
