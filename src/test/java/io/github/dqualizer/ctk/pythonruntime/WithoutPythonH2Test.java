package io.github.dqualizer.ctk.pythonruntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A host without Python ({@code ctk.python.executable} names a file that does not exist): a python activity of a
 * module that is not built in is a 400 naming the setting; dqualizer's built-in functions still run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-no-python;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.python.executable=/nonexistent/python3"})
class WithoutPythonH2Test {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void pythonModuleThatIsNotBuiltInIsA400NamingTheSettingAndBuiltInFunctionsStillRun() {
        TestUsers.ensure(dataSource);
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(60));
        TestUsers.authorized(client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON))
                .bodyValue("""
                        {"title": "k8s", "description": "needs chaosk8s",
                         "method": [{"type": "action", "name": "kill",
                           "provider": {"type": "python", "module": "chaosk8s.pod.actions", "func": "terminate_pods"}}]}
                        """).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.status_code").isEqualTo(400)
                .jsonPath("$.info[0]").value(info -> assertThat((String) info).startsWith(
                        "method[0].provider.module: python module 'chaosk8s.pod.actions' of activity 'kill' is not built "
                                + "into the service and needs Python, but ctk.python.executable '/nonexistent/python3' "
                                + "cannot be started").contains("; built-in functions: ").contains("chaosspring.actions.enable_chaosmonkey"));

        TestUsers.authorized(client.post().uri("/execute_experiment?wait=true").contentType(MediaType.APPLICATION_JSON))
                .bodyValue("""
                        {"title": "built in", "description": "chaosspring needs no Python",
                         "method": [{"type": "probe", "name": "enabled",
                           "provider": {"type": "python", "module": "chaosspring.probes", "func": "chaosmonkey_enabled",
                             "arguments": {"base_url": "http://127.0.0.1:9/actuator", "timeout": 2}}}]}
                        """).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.journal_status").isEqualTo("completed");
    }
}
