package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code base_url}, {@code headers}, {@code timeout} and {@code verify_ssl} as chaosspring takes them. */
class ChaosMonkeyEndpointTest {

    @Test
    void trailingSlashesAreDropped() {
        assertThat(endpoint("timeout", null).resolve("chaosmonkey/status"))
                .hasToString("http://localhost:7081/actuator/chaosmonkey/status");
        assertThat(ChaosMonkeyEndpoint.from(Map.of("base_url", " http://localhost:7081/actuator// ")).baseUrl())
                .isEqualTo("http://localhost:7081/actuator");
    }

    @Test
    void noTimeoutMeansTheDefaults() {
        ChaosMonkeyEndpoint endpoint = endpoint("timeout", null);
        assertThat(endpoint.timeout()).isEqualTo(ChaosMonkeyEndpoint.DEFAULT_TIMEOUT);
        assertThat(endpoint("timeout", 0).timeout()).isEqualTo(ChaosMonkeyEndpoint.DEFAULT_TIMEOUT);
    }

    @Test
    void timeoutInSecondsAsNumberOrTextOrConnectReadPair() {
        assertThat(endpoint("timeout", 1).timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(endpoint("timeout", 2.5).timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(endpoint("timeout", "3").timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(endpoint("timeout", List.of(2, 5)).timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void verifySslAcceptsBooleansAndTheirText() {
        assertThat(endpoint("verify_ssl", null).verifySsl()).isTrue();
        assertThat(endpoint("verify_ssl", false).verifySsl()).isFalse();
        assertThat(endpoint("verify_ssl", "False").verifySsl()).isFalse();
        assertThat(endpoint("verify_ssl", "TRUE").verifySsl()).isTrue();
    }

    @Test
    void headerValuesBecomeTextAndNullsAreLeftOut() {
        Map<String, Object> headers = new HashMap<>();
        headers.put("X-Count", 3);
        headers.put("X-None", null);
        assertThat(endpoint("headers", headers).headers()).isEqualTo(Map.of("X-Count", "3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost:7081/actuator", "ftp://localhost/actuator", "http:///actuator", "::"})
    void baseUrlMustBeAnAbsoluteHttpUrl(String baseUrl) {
        assertThatThrownBy(() -> ChaosMonkeyEndpoint.from(Map.of("base_url", baseUrl)))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("base_url must be");
    }

    @Test
    void negativeOrNonNumericTimeoutIsRejected() {
        assertThatThrownBy(() -> endpoint("timeout", -1)).hasMessageStartingWith("timeout must be");
        assertThatThrownBy(() -> endpoint("timeout", "soon")).hasMessageStartingWith("timeout must be");
        assertThatThrownBy(() -> endpoint("timeout", Map.of())).hasMessageStartingWith("timeout must be");
    }

    private static ChaosMonkeyEndpoint endpoint(String name, Object value) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("base_url", "http://localhost:7081/actuator/");
        arguments.put(name, value);
        return ChaosMonkeyEndpoint.from(arguments);
    }
}
