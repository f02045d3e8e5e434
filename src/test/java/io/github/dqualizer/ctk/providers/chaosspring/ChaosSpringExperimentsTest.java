package io.github.dqualizer.ctk.providers.chaosspring;

import cmsbtarget.CmsbTarget;
import cmsbtarget.RiskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.dqualizer.ctk.providers.chaosspring.ChaosSpring.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * dqualizer's late-responses and failed-requests experiments, run step by step through the SPI against a real
 * Spring Boot app with Chaos Monkey for Spring Boot 4.0.0: the actions have their effect, the probes see it, and
 * the rollback undoes it.
 */
class ChaosSpringExperimentsTest {

    private static final long LATENCY_FROM_MS = 300;

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

    @BeforeEach
    void resetTarget() {
        target.reset();
    }

    @Test
    void lateResponsesExperimentDelaysWatchedMethodUntilRollback() throws Exception {
        String baseUrl = target.actuatorUrl();
        // unattacked calls are timed without HTTP, so a busy test machine cannot make them look delayed
        assertThat(millisOfDirectCalls(3)).allMatch(ms -> ms < LATENCY_FROM_MS);

        assertThat(call(chaosSpring.enable, baseUrl)).asString().contains("\"enabled\":true");
        assertThat(call(chaosSpring.changeAssaults, baseUrl,
                "assaults_configuration", Experiments.lateResponses(RiskService.WATCHED_METHOD)))
                .isEqualTo("Assault config has changed");

        List<Long> attacked = millisOfRiskCalls(5);
        List<Long> attackedDirect = millisOfDirectCalls(3);
        System.out.println("late responses, latency range 300-400 ms: GET /risk took " + attacked
                + " ms, RiskService.calculate() took " + attackedDirect + " ms");
        assertThat(attacked).allMatch(ms -> ms >= LATENCY_FROM_MS && ms < 2000);
        assertThat(attackedDirect).allMatch(ms -> ms >= LATENCY_FROM_MS && ms < 2000);
        assertThat(call(chaosSpring.enabled, baseUrl)).isEqualTo(true);

        assertThat(call(chaosSpring.disable, baseUrl)).asString().contains("\"enabled\":false");
        assertThat(millisOfDirectCalls(3)).allMatch(ms -> ms < LATENCY_FROM_MS);
        assertThat(target.callRisk().statusCode()).isEqualTo(200);
        assertThat(call(chaosSpring.enabled, baseUrl)).isEqualTo(false);
        assertThat(target.status().body()).contains("\"enabled\":false");
    }

    @Test
    void failedRequestsExperimentFailsEveryFifthCallUntilRollback() throws Exception {
        String baseUrl = target.actuatorUrl();
        call(chaosSpring.enable, baseUrl);
        call(chaosSpring.changeAssaults, baseUrl,
                "assaults_configuration", Experiments.failedRequests(RiskService.WATCHED_METHOD, 5));

        List<HttpResponse<String>> answers = riskCalls(10);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 500).hasSize(2)
                .allMatch(answer -> answer.body().contains(Experiments.EXCEPTION_MESSAGE));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(8);

        call(chaosSpring.disable, baseUrl);
        assertThat(riskCalls(10)).allMatch(answer -> answer.statusCode() == 200);
        assertThat(call(chaosSpring.enabled, baseUrl)).isEqualTo(false);
    }

    @Test
    void exceptionAssaultThrowsConfiguredExceptionFromWatchedMethod() throws Exception {
        String baseUrl = target.actuatorUrl();
        call(chaosSpring.enable, baseUrl);
        call(chaosSpring.changeAssaults, baseUrl,
                "assaults_configuration", Experiments.failedRequests(RiskService.WATCHED_METHOD, 1));

        assertThatThrownBy(() -> target.riskService().calculate())
                .isExactlyInstanceOf(RuntimeException.class).hasMessage(Experiments.EXCEPTION_MESSAGE);

        call(chaosSpring.disable, baseUrl);
        assertThat(target.riskService().calculate()).isEqualTo("low");
    }

    @Test
    void watcherChangeTurnsServiceWatcherOffAndOn() throws Exception {
        String baseUrl = target.actuatorUrl();
        call(chaosSpring.enable, baseUrl);
        call(chaosSpring.changeAssaults, baseUrl,
                "assaults_configuration", Experiments.failedRequests(RiskService.WATCHED_METHOD, 1));

        assertThat(call(chaosSpring.changeWatchers, baseUrl, "watchers_configuration", Experiments.watchers("false")))
                .isEqualTo("Watcher config has changed");
        assertThat(call(chaosSpring.watchers, baseUrl)).asInstanceOf(MAP)
                .containsEntry("service", false);
        assertThat(target.riskService().calculate()).isEqualTo("low");

        call(chaosSpring.changeWatchers, baseUrl, "watchers_configuration", Experiments.watchers("true"));
        assertThat(call(chaosSpring.watchers, baseUrl)).asInstanceOf(MAP)
                .containsEntry("service", true);
        assertThatThrownBy(() -> target.riskService().calculate()).hasMessage(Experiments.EXCEPTION_MESSAGE);
    }

    @Test
    void probesReportTheTargetsState() throws Exception {
        String baseUrl = target.actuatorUrl();
        // CMSB 4 answers /status with 200 also when disabled: chaosspring 0.3.2 would say true here
        assertThat(call(chaosSpring.enabled, baseUrl)).isEqualTo(false);
        assertThat(call(chaosSpring.assaults, baseUrl)).asInstanceOf(MAP)
                .containsEntry("level", 1).containsEntry("latencyActive", false)
                .containsEntry("latencyRangeStart", 1000).containsKey("exception");
        // chaosspring 0.3.2 asks /chaosmonkey/watcher, which CMSB 4 answers with 404
        assertThat(call(chaosSpring.watchers, baseUrl)).asInstanceOf(MAP)
                .containsEntry("service", true).containsEntry("controller", false).containsKey("excludeClasses");

        call(chaosSpring.enable, baseUrl);
        call(chaosSpring.changeAssaults, baseUrl,
                "assaults_configuration", Experiments.lateResponses(RiskService.WATCHED_METHOD));
        assertThat(call(chaosSpring.enabled, baseUrl)).isEqualTo(true);
        assertThat(call(chaosSpring.assaults, baseUrl)).asInstanceOf(MAP)
                .containsEntry("latencyActive", true).containsEntry("deterministic", true)
                .containsEntry("latencyRangeStart", 300).containsEntry("latencyRangeEnd", 400)
                .containsEntry("watchedCustomServices", List.of(RiskService.WATCHED_METHOD));
    }

    @Test
    void booleanStringsInAnySpellingCmsbAcceptsBecomeBooleans() throws Exception {
        String baseUrl = target.actuatorUrl();
        call(chaosSpring.changeAssaults, baseUrl, "assaults_configuration",
                Map.of("latencyActive", "True", "exceptionsActive", "TRUE", "deterministic", "true"));
        assertThat(call(chaosSpring.assaults, baseUrl)).asInstanceOf(MAP)
                .containsEntry("latencyActive", true).containsEntry("exceptionsActive", true)
                .containsEntry("deterministic", true);

        call(chaosSpring.changeAssaults, baseUrl, "assaults_configuration",
                Map.of("latencyActive", "False", "exceptionsActive", "false"));
        assertThat(call(chaosSpring.assaults, baseUrl)).asInstanceOf(MAP)
                .containsEntry("latencyActive", false).containsEntry("exceptionsActive", false);
    }

    @Test
    void trailingSlashInBaseUrlIsTolerated() throws Exception {
        String baseUrl = target.actuatorUrl() + "/";
        assertThat(call(chaosSpring.enable, baseUrl)).asString().contains("\"enabled\":true");
        assertThat(call(chaosSpring.enabled, baseUrl)).isEqualTo(true);
        assertThat(call(chaosSpring.disable, baseUrl + "/")).asString().contains("\"enabled\":false");
    }

    private static List<Long> millisOfRiskCalls(int count) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = target.callRisk();
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        return millis;
    }

    private static List<Long> millisOfDirectCalls(int count) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            assertThat(target.riskService().calculate()).isEqualTo("low");
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        return millis;
    }

    private static List<HttpResponse<String>> riskCalls(int count) {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(target.callRisk());
        }
        return answers;
    }
}
