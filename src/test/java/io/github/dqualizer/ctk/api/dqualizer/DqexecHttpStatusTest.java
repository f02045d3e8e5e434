package io.github.dqualizer.ctk.api.dqualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.HttpServerErrorException;

/** Wait by default, outcome-in-body off (the default): a failed run is HTTP 500, which RestTemplate throws on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-dqexec-status;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.api.wait-by-default=true"})
class DqexecHttpStatusTest extends DqexecClientContract {

    @Test
    void dqexecWhenRunCompletesThenSuccessWithStatusCode200() {
        assertThat(dqexec.execute(completingExperiment()).status_code()).isEqualTo(200);
    }

    @Test
    void dqexecWhenRunFailsThenRestTemplateThrowsBeforeTheBodyIsDecoded() {
        assertThatThrownBy(() -> dqexec.execute(failingExperiment()))
                .isInstanceOf(HttpServerErrorException.InternalServerError.class);
    }
}
