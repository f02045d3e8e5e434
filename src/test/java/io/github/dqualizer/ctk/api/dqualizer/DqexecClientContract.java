package io.github.dqualizer.ctk.api.dqualizer;

import static org.assertj.core.api.Assertions.assertThat;

import cmsbtarget.CmsbTarget;
import cmsbtarget.RiskService;
import io.github.dqualizer.ctk.support.ExampleExperiments;
import io.github.dqualizer.ctk.support.TestUsers;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * dqualizer's executor against the service, in the two ways it can be configured: the experiments are
 * dqualizer's own ({@code examples/dqualizer-*.json}, re-aimed at a real Chaos Monkey for Spring Boot app
 * and a process name that is not running), sent and decoded exactly as {@code CtkRunner} does.
 */
abstract class DqexecClientContract {

    static CmsbTarget target;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    DqexecClient dqexec;

    @BeforeAll
    static void startTarget() {
        target = CmsbTarget.start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @BeforeEach
    void setUp() {
        target.reset();
        TestUsers.ensure(dataSource);
        dqexec = new DqexecClient(port);
    }

    /** dqualizer's failed-requests experiment against the real target: it completes. */
    String completingExperiment() {
        Map<String, Object> experiment = ExampleExperiments.load("dqualizer-failed-requests.json");
        ExampleExperiments.rewrite(experiment, "base_url", (k, v) -> target.actuatorUrl());
        ExampleExperiments.rewrite(experiment, "watchedCustomServices", (k, v) -> List.of(RiskService.WATCHED_METHOD));
        ExampleExperiments.shortenPauses(experiment, 0.1);
        String body = DqexecClient.indentedBody(experiment);
        assertThat(body).as("dqexec's INDENT_OUTPUT body").contains("\n  \"title\"");
        return body;
    }

    /**
     * dqualizer's process-unavailability experiment whose secrets carry a password the users table does not
     * know: its steady-state probe fails, so the run ends {@code failed}.
     */
    String failingExperiment() {
        Map<String, Object> experiment = ExampleExperiments.load("dqualizer-process-unavailability.json");
        ExampleExperiments.rewrite(experiment, "password", (k, v) -> "not-the-password");
        ExampleExperiments.shortenPauses(experiment, 0);
        return DqexecClient.indentedBody(experiment);
    }
}
