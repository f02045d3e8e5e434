package io.github.dqualizer.ctk.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.support.ExternalService;
import io.github.dqualizer.ctk.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service runs as its own process with its variables set in its OS environment (as a deployment sets them):
 * a {@code process} activity's {@code env} and a program started by {@code processStarting} see none of them, nor a
 * variable holding one of the service's credentials, while a user's variable stays visible; experiments that would
 * read them through {@code env} entries or {@code ${…}} are refused with 400 naming the variable and the property.
 */
class ServiceEnvironmentWithheldTest {

    static final String SECRETS_KEY = key();
    static final String DASHBOARD_PASSWORD = "Zq7dashPw-" + UUID.randomUUID();
    static final String USER_VARIABLE = "CHAOS_USER_VISIBLE";
    static final String USER_VALUE = "seen-by-experiments";
    static final Map<String, String> SERVICE_ENVIRONMENT = new LinkedHashMap<>();

    static {
        SERVICE_ENVIRONMENT.put("CTK_SECRETS_KEY", SECRETS_KEY);
        SERVICE_ENVIRONMENT.put("CTK_DASHBOARD_USERNAME", "operator");
        SERVICE_ENVIRONMENT.put("CTK_DASHBOARD_PASSWORD", DASHBOARD_PASSWORD);
        SERVICE_ENVIRONMENT.put("SPRING_MAIN_BANNER_MODE", "off");
        SERVICE_ENVIRONMENT.put("JOBRUNR_MARKER", "service-only");
        SERVICE_ENVIRONMENT.put("JDK_JAVA_OPTIONS", "-Dctk.marker=service-only");
        // not a service name, but it holds the dashboard password
        SERVICE_ENVIRONMENT.put("OPS_COPY_OF_PASSWORD", DASHBOARD_PASSWORD);
        SERVICE_ENVIRONMENT.put(USER_VARIABLE, USER_VALUE);
    }

    static ExternalService service;

    @BeforeAll
    static void start() {
        service = ExternalService.start(Map.of(
                        "spring.datasource.url", "jdbc:h2:mem:ctk-env;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1"),
                SERVICE_ENVIRONMENT, Path.of("target/safety/service-environment.log"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void processActivityEnvShowsNoneOfTheServiceVariablesButTheUserVariable() {
        ExternalService.Response answer = service.submitAndWait("""
                {"title": "env", "description": "prints the environment",
                 "method": [{"type": "action", "name": "env", "provider": {"type": "process", "path": "env"}}]}
                """);

        assertThat(answer.statusCode()).as(answer.body().toString()).isEqualTo(200);
        String stdout = stdout(service.journal((String) answer.body().get("run_id")));
        assertThat(stdout).contains(USER_VARIABLE + "=" + USER_VALUE).contains("PATH=");
        assertWithheld(stdout);
    }

    @Test
    void programStartedByProcessStartingSeesNoneOfTheServiceVariables(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("print-env.sh");
        Path printed = dir.resolve("env.txt");
        Files.writeString(script, "#!/bin/sh\nenv > " + dir.resolve("env.part") + " && mv " + dir.resolve("env.part")
                + " " + printed + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        ExternalService.Response answer = service.submitAndWait("""
                {"title": "start", "description": "starts a program that prints its environment",
                 "method": [{"type": "action", "name": "start", "provider": {"type": "python",
                   "module": "processStarting", "func": "start_process_by_path",
                   "arguments": {"db_username": "%s", "db_password": "%s", "username": "%s", "password": "%s",
                                 "path": "%s"}}}]}
                """.formatted(TestUsers.DB_USER, TestUsers.DB_PASSWORD, TestUsers.DEMO_USER, TestUsers.DEMO_PASSWORD,
                script));

        assertThat(answer.body().get("journal_status")).as(answer.body().toString()).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(printed));
        String environment = Files.readString(printed);
        assertThat(environment).contains(USER_VARIABLE + "=" + USER_VALUE);
        assertWithheld(environment);
    }

    @Test
    void experimentReadingAServiceVariableIsRefusedNamingTheVariableAndTheProperty() {
        ExternalService.Response answer = service.submit("""
                {"title": "reads the key", "description": "d",
                 "configuration": {"key": {"type": "env", "key": "CTK_SECRETS_KEY"},
                                   "mine": {"type": "env", "key": "CHAOS_USER_VISIBLE"}},
                 "secrets": {"ops": {"pw": {"type": "env", "key": "OPS_COPY_OF_PASSWORD"}}},
                 "method": [{"type": "action", "name": "shell", "provider": {"type": "process", "path": "sh",
                   "arguments": ["-c", "echo ${JDK_JAVA_OPTIONS} $JOBRUNR_MARKER ${mine}"]}}]}
                """);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().get("info")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(
                        "configuration.key.key: environment variable 'CTK_SECRETS_KEY' belongs to the service and is "
                                + "withheld from experiments (an operator may open it with ctk.engine.environment.allowed)",
                        "secrets.ops.pw.key: environment variable 'OPS_COPY_OF_PASSWORD' belongs to the service and is "
                                + "withheld from experiments (an operator may open it with ctk.engine.environment.allowed)",
                        "method[0].provider.arguments[1]: environment variable 'JDK_JAVA_OPTIONS' belongs to the service "
                                + "and is withheld from experiments (an operator may open it with ctk.engine.environment.allowed)",
                        "method[0].provider.arguments[1]: environment variable 'JOBRUNR_MARKER' belongs to the service "
                                + "and is withheld from experiments (an operator may open it with ctk.engine.environment.allowed)");
    }

    @Test
    void userVariableIsReadableThroughEnvConfiguration() {
        ExternalService.Response answer = service.submitAndWait("""
                {"title": "reads a user variable", "description": "d",
                 "configuration": {"mine": {"type": "env", "key": "CHAOS_USER_VISIBLE"}},
                 "method": [{"type": "action", "name": "echo", "provider": {"type": "process", "path": "echo",
                   "arguments": ["${mine}"]}}]}
                """);

        assertThat(answer.statusCode()).as(answer.body().toString()).isEqualTo(200);
        assertThat(stdout(service.journal((String) answer.body().get("run_id")))).isEqualTo(USER_VALUE + "\n");
    }

    private static void assertWithheld(String environment) {
        List<String> names = environment.lines().map(line -> line.contains("=") ? line.substring(0, line.indexOf('=')) : line)
                .toList();
        assertThat(names).noneMatch(name -> name.startsWith("CTK_") || name.startsWith("SPRING_")
                || name.startsWith("JOBRUNR_") || name.equals("JDK_JAVA_OPTIONS") || name.equals("JAVA_TOOL_OPTIONS")
                || name.equals("OPS_COPY_OF_PASSWORD"));
        assertThat(environment).doesNotContain(SECRETS_KEY).doesNotContain(DASHBOARD_PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private static String stdout(Map<String, Object> journal) {
        List<Map<String, Object>> run = (List<Map<String, Object>>) journal.get("run");
        return (String) ((Map<String, Object>) run.get(0).get("output")).get("stdout");
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
