package io.github.dqualizer.ctk.api.dqualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The service configured for today's dqexec (docs/dqualizer.md): wait by default, the outcome in the body. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-dqexec-body;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.api.wait-by-default=true",
        "ctk.api.outcome-in-body=true"})
class DqexecOutcomeInBodyTest extends DqexecClientContract {

    @Test
    void dqexecWhenRunCompletesThenSuccessWithStatusCode200() {
        DqexecClient.CtkExperimentExecutorApiResponse answer = dqexec.execute(completingExperiment());

        assertThat(answer.status_code()).isEqualTo(200);
        assertThat(answer.status()).isEqualTo("Experiment was executed and terminated with status: completed.");
        assertThat(answer.info()).startsWith("The journal is at /experiments/");
    }

    @Test
    void dqexecWhenRunFailsThenBodyIsReadAndItsStatusCode500IsReportedAsFailure() {
        // HTTP 200, so RestTemplate reads the body; dqexec then fails the test with the service's own words
        assertThatThrownBy(() -> dqexec.execute(failingExperiment()))
                .isInstanceOf(DqexecClient.ExperimentFailed.class)
                .hasMessageContaining("Experiment was executed and terminated with status: failed.")
                .hasMessageContaining("The journal is at /experiments/");
    }
}
