package io.github.dqualizer.ctk.providers.chaosspring;

import static io.github.dqualizer.ctk.providers.chaosspring.ChaosSpring.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chaos Monkey calls with many distinct timeouts share the client's two JDK clients (a JDK client owns a
 * selector thread for as long as it exists); a real loopback actuator answers.
 */
class ChaosMonkeyClientThreadsTest {

    @Test
    void sixtyDistinctTimeoutsThenNoNewClientThreads() throws Exception {
        try (FakeActuator actuator = FakeActuator.http().answer("chaosmonkey/status", 200, "{\"enabled\":true}")) {
            ChaosSpring chaosSpring = new ChaosSpring();
            String baseUrl = actuator.actuatorUrl("http");
            assertThat(call(chaosSpring.enabled, baseUrl, "timeout", 5)).isEqualTo(true);
            long before = clientThreads();

            for (int i = 1; i <= 60; i++) {
                Object timeout = i % 2 == 0 ? 5 + i / 100.0 : List.of(2 + i / 100.0, 5 + i / 100.0);
                assertThat(call(chaosSpring.enabled, baseUrl, "timeout", timeout)).isEqualTo(true);
            }

            // the shared client's worker pool may add a thread or two, 60 clients would add 60 selector threads
            assertThat(clientThreads()).isLessThanOrEqualTo(before + 4);
        }
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("HttpClient-"))
                .count();
    }
}
