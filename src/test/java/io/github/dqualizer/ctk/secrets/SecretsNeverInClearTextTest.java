package io.github.dqualizer.ctk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dqualizer.ctk.support.LocalClient;

import io.github.dqualizer.ctk.safety.ChildEnvironment;
import io.github.dqualizer.ctk.safety.EnvironmentProperties;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits and runs experiments carrying distinctive secrets (an inline secret, an env secret and the four
 * credential headers of a dedicated user), which activities receive and print, then searches every text
 * and binary column of every table, the whole log output and every API answer: no secret may appear.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-secrets;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        // the service's own secrets, searched for too: the encryption key and the operator account's password
        "ctk.secrets.key=" + SecretsNeverInClearTextTest.SERVICE_KEY,
        "ctk.secrets.retired-keys=" + SecretsNeverInClearTextTest.RETIRED_KEY,
        "ctk.dashboard.username=operator",
        "ctk.dashboard.password=" + SecretsNeverInClearTextTest.DASHBOARD_PASSWORD,
        // more log lines, more places a secret could slip into
        "logging.level.io.github.dqualizer=DEBUG",
        "logging.level.org.jobrunr=DEBUG"})
class SecretsNeverInClearTextTest {

    static final String INLINE_SECRET = "Zq7inlineS3cret81f3";
    static final String ENV_SECRET = "Zq7envS3cret5a9c";
    static final String DB_ACCOUNT = "SECDB";
    static final String DB_PASSWORD = "Zq7dbPassw0rd77e1";
    static final String USER = "secretsUser";
    static final String USER_PASSWORD = "Zq7userPassw0rd3b2d";
    static final String ENV_NAME = "TEST_ENV_SECRET";
    static final String SERVICE_KEY = "WnE3c2VydmljZUtleVplcm9aZXJvWmVyb1plcm8wMDA=";
    static final String RETIRED_KEY = "WnE3cmV0aXJlZEtleVplcm9aZXJvWmVyb1plcm8wMDA=";
    static final String DASHBOARD_PASSWORD = "Zq7dashboardPw9e4f";
    static final List<String> SECRETS = List.of(INLINE_SECRET, ENV_SECRET, DB_PASSWORD, USER_PASSWORD, SERVICE_KEY,
            RETIRED_KEY, DASHBOARD_PASSWORD);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    /**
     * The service's OS environment with the env secret in it, as the application builds its execution environment
     * (ChildEnvironment's production constructor); the runner and the validator get it through their constructors.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class EnvironmentWithSecret {

        @Bean
        @Primary
        ChildEnvironment environmentWithSecret(EnvironmentProperties properties) {
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put(ENV_NAME, ENV_SECRET);
            return new ChildEnvironment(properties, List.of(), environment);
        }
    }

    @Test
    void runWithSecretsThenNoSecretInAnyTableLogOrAnswer(CapturedOutput output) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE USER IF NOT EXISTS " + DB_ACCOUNT + " PASSWORD '" + DB_PASSWORD + "' ADMIN"); // URL settings need admin rights in H2
        TestUsers.put(jdbc, USER, TestUsers.sha256Hex(USER_PASSWORD));
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(60));
        List<String> answers = new ArrayList<>();

        String completed = submit(client, experiment("prints its secrets", true), answers);
        String failing = submit(client, experiment("fails with its secrets", false), answers);
        answers.add(call(client.post().uri("/execute_experiment").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(experiment("rejected", true).replace("\"description\"", "\"no-description\""))));
        for (String runId : List.of(completed, failing)) {
            answers.add(call(client.get().uri("/experiments/" + runId)));
            answers.add(call(client.get().uri("/experiments/" + runId + "/journal")));
        }
        answers.add(call(client.get().uri("/experiments")));
        // a schedule stores its experiment like a run (and is a JobRunr recurring job): searched in every table below
        answers.add(call(client.post().uri("/schedules").contentType(MediaType.APPLICATION_JSON).bodyValue(
                "{\"name\": \"hourly with secrets\", \"interval\": \"PT1H\", \"experiment\": "
                        + experiment("scheduled with its secrets", true) + "}")));
        assertThat(answers.get(answers.size() - 1)).contains("\"schedule_id\"");
        answers.add(call(client.get().uri("/schedules")));

        // a rerun decrypts the run's secrets and encrypts them again for the new run: searched too
        answers.add(call(client.post().uri("/experiments/" + completed + "/rerun")));
        String rerun = (String) JSON.readValue(answers.get(answers.size() - 1), Map.class).get("run_id");
        assertThat(rerun).isNotNull();
        String ended = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> call(client.get().uri("/experiments/" + rerun)), view -> view.contains("\"status\":\"completed\""));
        answers.add(ended);
        answers.add(call(client.get().uri("/experiments/" + rerun + "/journal")));

        // the secrets really reached the activities: the journal shows them masked where they were printed
        Map<?, ?> journal = JSON.readValue(answers.get(4), Map.class);
        assertThat(JSON.writeValueAsString(journal.get("run"))).contains("***");
        assertThat(answers.get(0)).contains("\"journal_status\":\"completed\"");

        List<String> leaks = new ArrayList<>();
        answers.forEach(answer -> leaks.addAll(found("an API answer", answer)));
        leaks.addAll(found("the log output", output.getAll()));
        leaks.addAll(inDatabase());
        assertThat(leaks).isEmpty();
    }

    private String submit(WebTestClient client, String experiment, List<String> answers) {
        String answer = call(client.post().uri("/execute_experiment?wait=true&timeout=60")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(experiment));
        answers.add(answer);
        String runId = (String) JSON.readValue(answer, Map.class).get("run_id");
        assertThat(runId).as(answer).isNotNull();
        return runId;
    }

    private static String call(WebTestClient.RequestHeadersSpec<?> spec) {
        spec.header("dbUsername", DB_ACCOUNT).header("dbPassword", DB_PASSWORD)
                .header("username", USER).header("password", USER_PASSWORD);
        byte[] body = spec.exchange().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** Activities get the secrets by substitution and print them to stdout and stderr; one fails with them. */
    private static String experiment(String title, boolean succeeds) {
        return """
                {"title": "%1$s", "description": "secrets reach activities",
                 "secrets": {"vault": {"token": "%2$s", "envtoken": {"type": "env", "key": "%3$s"}}},
                 "steady-state-hypothesis": {"title": "token is printed",
                   "probes": [{"type": "probe", "name": "print token", "tolerance": %4$s,
                               "provider": {"type": "process", "path": "echo", "arguments": ["${token}"]}}]},
                 "method": [{"type": "action", "name": "print both",
                             "provider": {"type": "process", "path": "sh",
                                          "arguments": ["-c", "echo ${token} ${envtoken}; echo ${envtoken} 1>&2"]}},
                            {"type": "action", "name": "print env token", "provider": {"type": "process",
                             "path": "echo", "arguments": "${envtoken}"}},
                            {"type": "action", "name": "print the environment", "provider": {"type": "process",
                             "path": "env"}}]}
                """.formatted(title, INLINE_SECRET, ENV_NAME, succeeds ? "0" : "{\"type\": \"regex\", \"target\": \"stdout\", \"pattern\": \"^nothing$\"}");
    }

    /** Every table of the service's schema, every column read as text (and binary columns as UTF-8). */
    private List<String> inDatabase() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        int tables = 0;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
                while (rs.next()) {
                    String type = rs.getString("TABLE_TYPE");
                    if (type != null && type.contains("TABLE") && !type.contains("SYSTEM")) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : names) {
                tables++;
                searched.add(table);
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            int type = columns.getColumnType(c);
                            boolean binary = type == java.sql.Types.BINARY || type == java.sql.Types.VARBINARY
                                    || type == java.sql.Types.LONGVARBINARY || type == java.sql.Types.BLOB;
                            byte[] bytes = binary ? rows.getBytes(c) : null;
                            String text = binary ? null : rows.getString(c);
                            String where = "table " + table + " column " + columns.getColumnName(c);
                            leaks.addAll(found(where, text));
                            if (bytes != null) {
                                leaks.addAll(found(where + " (bytes)", new String(bytes, StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        }
        assertThat(tables).as("tables searched").isGreaterThanOrEqualTo(5);
        System.out.println("secrets search: " + tables + " tables searched: " + searched);
        return leaks;
    }

    private static List<String> found(String where, String text) {
        List<String> leaks = new ArrayList<>();
        if (text == null) {
            return leaks;
        }
        for (String secret : SECRETS) {
            String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            if (text.contains(secret) || text.contains(base64)) {
                int at = Math.max(0, text.indexOf(secret));
                leaks.add(secret + " in " + where + ": …" + text.substring(Math.max(0, at - 120),
                        Math.min(text.length(), at + 60)).replace('\n', ' ') + "…");
            }
        }
        return leaks;
    }
}
