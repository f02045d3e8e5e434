package io.github.dqualizer.ctk.providers.chaosspring;

import cmsbtarget.CmsbTarget;
import io.github.dqualizer.ctk.providers.ActivityFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.dqualizer.ctk.providers.chaosspring.ChaosSpring.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the chaosspring functions fail: the activity fails with a message that says why. */
class ChaosSpringFailuresTest {

    private static CmsbTarget target;
    private final ChaosSpring chaosSpring = new ChaosSpring();

    @BeforeAll
    static void startTarget() {
        target = CmsbTarget.start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @AfterEach
    void resetTarget() {
        target.reset(); // also clears a bad cron, which CMSB keeps and fails every later POST with
    }

    @Test
    void assaultLevelOutOfRangeFailsWithChaosMonkeysExplanation() {
        assertThatThrownBy(() -> call(chaosSpring.changeAssaults, target.actuatorUrl(),
                "assaults_configuration", Map.of("level", 0)))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageStartingWith("Change ChaosMonkey Assaults Configuration failed: ")
                .hasMessageContaining("must be greater than or equal to 1")
                .hasMessageContaining("HTTP 400 from " + target.actuatorUrl() + "/chaosmonkey/assaults");
    }

    @Test
    void reversedLatencyRangeFailsWithChaosMonkeysExplanation() {
        assertThatThrownBy(() -> call(chaosSpring.changeAssaults, target.actuatorUrl(),
                "assaults_configuration", Map.of("latencyRangeStart", 500, "latencyRangeEnd", 100)))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("Value of latencyRangeStart must not be greater than value of latencyRangeEnd");
    }

    @Test
    void badCronFailsWithChaosMonkeysError() {
        assertThatThrownBy(() -> call(chaosSpring.changeAssaults, target.actuatorUrl(),
                "assaults_configuration", Map.of("killApplicationCronExpression", "not a cron")))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageStartingWith("Change ChaosMonkey Assaults Configuration failed: ")
                .hasMessageContaining("not a cron")
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void unknownExceptionTypeFailsWithChaosMonkeysExplanation() {
        assertThatThrownBy(() -> call(chaosSpring.changeAssaults, target.actuatorUrl(), "assaults_configuration",
                Map.of("exceptionsActive", "True", "exception", Map.of("type", "no.such.Exception"))))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("Invalid Exception type and arguments");
    }

    @Test
    void emptyAssaultsConfigurationFailsAsInChaosspring() {
        assertThatThrownBy(() -> call(chaosSpring.changeAssaults, target.actuatorUrl(),
                "assaults_configuration", Map.of()))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("HTTP 400");
    }

    @Test
    void assaultsConfigurationThatIsNoObjectFails() {
        assertThatThrownBy(() -> call(chaosSpring.changeAssaults, target.actuatorUrl(),
                "assaults_configuration", "latencyActive=true"))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("assaults_configuration must be a JSON object");
    }

    @Test
    void answerOtherThan200FailsWithTheTargetsAnswer() {
        String withoutActuator = target.actuatorUrl().replace("/actuator", "");
        assertThatThrownBy(() -> call(chaosSpring.enable, withoutActuator))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageStartingWith("Enable ChaosMonkey failed: ")
                .hasMessageContaining("\"status\":404")
                .hasMessageContaining("HTTP 404 from " + withoutActuator + "/chaosmonkey/enable");
        assertThatThrownBy(() -> call(chaosSpring.disable, withoutActuator))
                .hasMessageStartingWith("Disable ChaosMonkey failed: ");
        assertThatThrownBy(() -> call(chaosSpring.enabled, withoutActuator))
                .hasMessageStartingWith("ChaosMonkey status enquiry failed: ");
        assertThatThrownBy(() -> call(chaosSpring.assaults, withoutActuator))
                .hasMessageStartingWith("ChaosMonkey assaults enquiry failed: ");
        assertThatThrownBy(() -> call(chaosSpring.watchers, withoutActuator))
                .hasMessageStartingWith("ChaosMonkey watcher enquiry failed: ")
                .hasMessageContaining("/chaosmonkey/watchers");
        assertThatThrownBy(() -> call(chaosSpring.changeWatchers, withoutActuator,
                "watchers_configuration", Map.of("service", true)))
                .hasMessageStartingWith("Change ChaosMonkey Watchers Configuration failed: ");
    }

    @Test
    void unreachableTargetFailsWithClearMessage() throws IOException {
        String baseUrl = "http://127.0.0.1:" + closedPort() + "/actuator";
        assertThatThrownBy(() -> call(chaosSpring.enable, baseUrl, "timeout", 5))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessage("Enable ChaosMonkey failed: cannot connect to " + baseUrl + "/chaosmonkey/enable "
                        + "(connection refused); is the target running and is base_url right?");
        assertThatThrownBy(() -> call(chaosSpring.enabled, baseUrl))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageStartingWith("ChaosMonkey status enquiry failed: cannot connect to ");
    }

    @Test
    void timeoutLimitsACallToATargetThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String baseUrl = "http://127.0.0.1:" + silent.getLocalPort() + "/actuator";
            // a call with the default timeout (30 s), sent first to the same silent target, is still waiting when
            // the 1 s call gives up: the timeout is the call's own, not the client's or the connection's
            AtomicReference<Throwable> defaultCall = new AtomicReference<>();
            Thread waiting = new Thread(() -> {
                try {
                    call(chaosSpring.enabled, baseUrl);
                } catch (Throwable t) {
                    defaultCall.set(t);
                }
            });
            waiting.start();
            silent.setSoTimeout(5000);
            java.net.Socket underWay = silent.accept(); // the default-timeout call is under way; kept open and silent

            assertThatThrownBy(() -> call(chaosSpring.changeAssaults, baseUrl, "timeout", 1,
                    "assaults_configuration", Map.of("latencyActive", true)))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessage("Change ChaosMonkey Assaults Configuration failed: no answer from " + baseUrl
                            + "/chaosmonkey/assaults within 1.0 s");
            assertThat(waiting.isAlive()).as("the call with the default timeout still waits").isTrue();
            assertThat(defaultCall.get()).isNull();
            waiting.interrupt();
            waiting.join(Duration.ofSeconds(5).toMillis());
            assertThat(defaultCall.get()).isInstanceOf(InterruptedException.class);
            underWay.close();
        }
    }

    @Test
    void interruptingTheRunThreadStopsAWaitingCall() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String baseUrl = "http://127.0.0.1:" + silent.getLocalPort() + "/actuator";
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread run = new Thread(() -> {
                try {
                    call(chaosSpring.enable, baseUrl); // no timeout given: would wait 30 s
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            run.start();
            // the call is under way once the silent server has a connection waiting to be accepted
            silent.setSoTimeout(5000);
            silent.accept().close();
            long start = System.nanoTime();
            run.interrupt();
            run.join(Duration.ofSeconds(5).toMillis());
            System.out.println("interrupt: the call ended " + (System.nanoTime() - start) / 1_000_000 + " ms after");
            assertThat(run.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void invalidArgumentsFailBeforeAnyCall() {
        assertThatThrownBy(() -> call(chaosSpring.enable, "localhost:8080/actuator"))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("base_url must be an absolute http or https URL");
        assertThatThrownBy(() -> call(chaosSpring.enable, target.actuatorUrl(), "timeout", "soon"))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("timeout must be");
        assertThatThrownBy(() -> call(chaosSpring.enable, target.actuatorUrl(), "verify_ssl", "maybe"))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("verify_ssl must be");
    }

    @Test
    void headersAreSentAndAcceptCanBeOverridden() throws Exception {
        Object answer = call(chaosSpring.enable, target.actuatorUrl(),
                "headers", Map.of("X-Run", "test-run", "Accept", "*/*"), "timeout", "2", "verify_ssl", "False");
        assertThat(answer).asString().contains("\"enabled\":true");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
