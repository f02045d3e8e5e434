package io.github.dqualizer.ctk.providers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dqualizer.ctk.support.LocalClient;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code ctk.process.allowed-executables}: a process activity outside the list is a 400 at its location,
 * and the provider refuses it again at run time; entries match the path as written or the resolved file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-allow;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.process.allowed-executables=true,echo"})
class ProcessAllowListTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void executeWhenExecutableNotAllowedThen400AtItsLocationAndNothingStored() {
        TestUsers.ensure(dataSource);
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(30));
        String experiment = """
                {"title": "not allowed", "description": "runs sleep",
                 "method": [{"type": "action", "name": "sleep", "provider": {"type": "process", "path": "sleep", "arguments": ["0"]}},
                            {"type": "action", "name": "shell", "provider": {"type": "process", "path": "echo", "arguments": "hi; sleep 1"}}]}
                """;
        TestUsers.authorized(client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.status_code").isEqualTo(400)
                .jsonPath("$.info[0]").isEqualTo("method[0].provider.path: path 'sleep' is not on the allow-list "
                        + "(ctk.process.allowed-executables), in activity 'sleep'")
                .jsonPath("$.info[1]").value(info -> assertThat((String) info)
                        .startsWith("method[1].provider.arguments: string arguments run through /bin/sh"));
        TestUsers.authorized(client.get().uri("/experiments")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);

        TestUsers.authorized(client.post().uri("/execute_experiment?wait=true").contentType(MediaType.APPLICATION_JSON))
                .bodyValue("""
                        {"title": "allowed", "description": "true and echo with plain words",
                         "method": [{"type": "action", "name": "t", "provider": {"type": "process", "path": "true"}},
                                    {"type": "action", "name": "e", "provider": {"type": "process", "path": "echo", "arguments": "plain words"}}]}
                        """).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.journal_status").isEqualTo("completed");
    }

    @Test
    void runWhenExecutableNotAllowedThenActivityFailsWithoutStartingIt() {
        ProcessProvider provider = new ProcessProvider(EnvLookup.system(), new ExecutablePolicy(List.of("true")));
        assertThatThrownBy(() -> provider.run(Map.of("type", "process", "path", "touch",
                "arguments", List.of("target/allow-list-should-not-exist"))))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("not on the allow-list (ctk.process.allowed-executables)");
        assertThat(java.nio.file.Path.of("target/allow-list-should-not-exist")).doesNotExist();
        assertThatThrownBy(() -> provider.run(Map.of("type", "process", "path", "true", "arguments", "; touch x")))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("/bin/sh");
    }

    @Test
    void entriesMatchThePathAsWrittenOrTheResolvedFile() {
        String echo = ExecutableLocator.whichExpanded("echo", EnvLookup.system()).orElseThrow();
        ExecutablePolicy byName = new ExecutablePolicy(List.of("echo"));
        ExecutablePolicy byFile = new ExecutablePolicy(List.of(echo));

        assertThat(byName.allows("echo", echo)).isTrue();
        assertThat(byName.allows("/tmp/elsewhere/echo", "/tmp/elsewhere/echo")).as("a bare name is no wildcard").isFalse();
        assertThat(byFile.allows("echo", echo)).as("resolved through PATH").isTrue();
        assertThat(byFile.allows(echo, echo)).isTrue();
        assertThat(byFile.allows("cat", ExecutableLocator.whichExpanded("cat", EnvLookup.system()).orElse(null))).isFalse();
        assertThat(ExecutablePolicy.allowAll().allows("anything", null)).as("empty list allows all").isTrue();
        assertThat(byName.refusesShellArguments("plain words 1 2.5 a-b a_b a=b x/y")).isFalse();
        assertThat(byName.refusesShellArguments(List.of("; rm", "$(x)"))).as("list arguments never reach a shell").isFalse();
        for (String shell : List.of("a; b", "a && b", "a | b", "$(b)", "`b`", "a > f", "${X}", "a\nb", "'q'", "*")) {
            assertThat(byName.refusesShellArguments(shell)).as(shell).isTrue();
        }
    }
}
