package io.github.dqualizer.ctk.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.dqualizer.ctk.CtkApplication;
import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The stored secrets blob of a run, on the configured database: bound to its run (a blob copied to another run's
 * row does not decrypt), blobs of the format before (no key id, no associated data) still decrypt and a rerun of
 * such a run runs with its secrets, and after a key rotation runs and schedules encrypted with the old key still
 * decrypt, and once re-encrypted need only the new key.
 * Subclasses start the service with {@link #KEY} as {@code ctk.secrets.key}.
 */
abstract class StoredSecretsContract {

    static final String KEY = "c3RvcmVkU2VjcmV0c0NvbnRyYWN0S2V5MDEyMzQ1Njc=";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StoredExperiment storage;
    @Autowired
    ExperimentRunRepository runs;
    @TempDir
    Path dir;

    WebTestClient client;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(60));
        jdbc = new JdbcTemplate(dataSource);
    }

    /** The datasource of the second instance in the rotation test (same database). */
    abstract List<String> datasourceArguments();

    @Test
    void secretsOfOneRunCopiedToAnotherRunsRowThenTheyDoNotDecryptThere(
            @Autowired io.github.dqualizer.ctk.jobs.jobrunr.RequeueAction requeue) {
        String a = runToEnd(writesSecret("a-secret-" + UUID.randomUUID(), dir.resolve("a")));
        String b = runToEnd(writesSecret("b-secret-" + UUID.randomUUID(), dir.resolve("b")));
        assertThat(storage.forExecution(run(b))).containsKey("secrets");

        String blobOfA = jdbc.queryForObject("SELECT secrets_cipher FROM experiment_runs WHERE id = ?", String.class, a);
        jdbc.update("UPDATE experiment_runs SET secrets_cipher = ? WHERE id = ?", blobOfA, b);

        assertThatThrownBy(() -> storage.forExecution(run(b))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted for run:" + b);
        assertThat(storage.forExecution(run(a))).as("still in its own row").containsKey("secrets");
        Map<String, Object> rerun = TestUsers.authorized(client.post().uri("/experiments/{id}/rerun", b)).exchange()
                .expectStatus().isEqualTo(409).expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(rerun).containsEntry("status", "Run cannot run again.");
        assertThat((String) rerun.get("info")).contains("cannot be decrypted for run:" + b);
        assertThat(requeue.requeue(UUID.fromString(b)).kind()).as("Requeue in the dashboard: 409, nothing started")
                .isEqualTo(io.github.dqualizer.ctk.jobs.jobrunr.RequeueAction.Kind.REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment_runs WHERE rerun_of = ?", Integer.class, b)).isZero();
    }

    @Test
    void scheduleWhoseSecretsDoNotDecryptThenItsFiringEndsAsAnAbortedRunThatSaysWhy(
            @Autowired io.github.dqualizer.ctk.schedules.ScheduleFiring firing) {
        String secret = "moved-schedule-" + UUID.randomUUID();
        String schedule = createSchedule(secret);
        String run = runToEnd(writesSecret(secret, dir.resolve("run")));
        jdbc.update("UPDATE schedules SET secrets_cipher = ? WHERE id = ?", blob("experiment_runs", run), schedule);

        firing.fire(schedule); // as its recurring job would, an hour from now

        Map<String, Object> fired = jdbc.queryForMap("SELECT status, status_reason FROM experiment_runs WHERE schedule_id = ?",
                schedule);
        assertThat(fired.get("status")).isEqualTo("ABORTED");
        assertThat((String) fired.get("status_reason")).startsWith("The schedule's secrets cannot be decrypted: ")
                .contains("schedule:" + schedule).doesNotContain(secret);
        TestUsers.authorized(client.delete().uri("/schedules/{id}", schedule)).exchange().expectStatus().isNoContent();
    }

    private String createSchedule(String secret) {
        return (String) TestUsers.authorized(client.post().uri("/schedules").contentType(MediaType.APPLICATION_JSON))
                .bodyValue("{\"name\": \"secrets " + UUID.randomUUID() + "\", \"interval\": \"PT1H\", \"experiment\": "
                        + writesSecret(secret, dir.resolve("scheduled")) + "}")
                .exchange().expectStatus().isCreated().expectBody(JSON_MAP).returnResult().getResponseBody().get("schedule_id");
    }

    @Test
    void runStoredInTheFormatBeforeKeyIdsThenDecryptsAndItsRerunRunsWithItsSecret() throws Exception {
        String secret = "old-format-" + UUID.randomUUID();
        Path out = dir.resolve("old-format");
        String original = runToEnd(writesSecret(secret, out));
        jdbc.update("UPDATE experiment_runs SET secrets_cipher = ? WHERE id = ?",
                formatOne(Base64.getDecoder().decode(KEY), "{\"vault\":{\"token\":\"" + secret + "\"}}"), original);
        assertThat(jdbc.queryForObject("SELECT secrets_cipher FROM experiment_runs WHERE id = ?", String.class, original))
                .doesNotContain(":");

        assertThat(storage.forExecution(run(original)).get("secrets")).isEqualTo(Map.of("vault", Map.of("token", secret)));

        String again = (String) TestUsers.authorized(client.post().uri("/experiments/{id}/rerun", original)).exchange()
                .expectStatus().isAccepted().expectBody(JSON_MAP).returnResult().getResponseBody().get("run_id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(status(again)));
        assertThat(Files.readString(out)).as("the original and its rerun both used the secret").isEqualTo(secret + secret);
        assertThat(run(again).secretsCipher()).as("encrypted again in the current format, for the rerun")
                .startsWith("v2:").doesNotContain(secret);
    }

    @Test
    void keyRotatedThenRunsAndSchedulesOfTheOldKeyStillDecryptAndAfterReencryptionTheNewKeyAloneDecryptsThem()
            throws Exception {
        String secret = "before-rotation-" + UUID.randomUUID();
        String before = runToEnd(writesSecret(secret, dir.resolve("before")));
        String legacy = runToEnd(writesSecret(secret, dir.resolve("legacy")));
        jdbc.update("UPDATE experiment_runs SET secrets_cipher = ? WHERE id = ?",
                formatOne(Base64.getDecoder().decode(KEY), "{\"vault\":{\"token\":\"" + secret + "\"}}"), legacy);
        String schedule = createSchedule(secret);
        Map<String, Object> secrets = Map.of("vault", Map.of("token", secret));
        String newKey = newKey();

        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ctk.dashboard.enabled=false",
                "--jobrunr.background-job-server.enabled=false", // this test's instance runs the jobs
                "--ctk.secrets.reencrypt-on-start=false", // called below, so the test knows when it ran
                "--ctk.secrets.key=" + newKey, "--ctk.secrets.retired-keys=" + KEY));
        args.addAll(datasourceArguments());
        try (ConfigurableApplicationContext rotated = new SpringApplicationBuilder(CtkApplication.class)
                .run(args.toArray(String[]::new))) {
            StoredExperiment rotatedStorage = rotated.getBean(StoredExperiment.class);
            ExperimentRunRepository rotatedRuns = rotated.getBean(ExperimentRunRepository.class);
            String keyId = rotated.getBean(io.github.dqualizer.ctk.secrets.SecretsKeyring.class).currentId();

            assertThat(rotatedStorage.forExecution(rotatedRuns.findById(before).orElseThrow()).get("secrets"))
                    .as("a run of the old key, with the old key retired").isEqualTo(secrets);
            assertThat(rotatedStorage.secretsForRerun(rotatedRuns.findById(before).orElseThrow(), UUID.randomUUID().toString()))
                    .as("what the rotated instance encrypts").startsWith("v2:" + keyId + ":");

            StoredSecretsReencryption.Pass pass = rotated.getBean(StoredSecretsReencryption.class).reencryptAll();

            assertThat(pass.reencrypted()).isGreaterThanOrEqualTo(3);
            for (String run : List.of(before, legacy)) {
                assertThat(blob("experiment_runs", run)).startsWith("v2:" + keyId + ":");
            }
            assertThat(blob("schedules", schedule)).startsWith("v2:" + keyId + ":");
        }
        StoredExperiment newKeyOnly = storageWithoutRetiredKey(newKey);
        assertThat(newKeyOnly.forExecution(run(before)).get("secrets")).as("old key dropped after re-encryption")
                .isEqualTo(secrets);
        assertThat(newKeyOnly.forExecution(run(legacy)).get("secrets")).isEqualTo(secrets);
        assertThat(newKeyOnly.scheduled("{}", blob("schedules", schedule), schedule).get("secrets")).isEqualTo(secrets);
        jdbc.update("UPDATE experiment_runs SET secrets_cipher = ? WHERE id = ?", blob("experiment_runs", legacy), before);
        assertThatThrownBy(() -> newKeyOnly.forExecution(run(before))).as("the once-legacy blob is now bound to its run")
                .isInstanceOf(IllegalStateException.class);
        TestUsers.authorized(client.delete().uri("/schedules/{id}", schedule)).exchange().expectStatus().isNoContent();
    }

    private String blob(String table, String id) {
        return jdbc.queryForObject("SELECT secrets_cipher FROM " + table + " WHERE id = ?", String.class, id);
    }

    private StoredExperiment storageWithoutRetiredKey(String key) {
        return new StoredExperiment(tools.jackson.databind.json.JsonMapper.builder().build(),
                new io.github.dqualizer.ctk.secrets.SecretsCipher(new io.github.dqualizer.ctk.secrets.SecretsKeyring(
                        Base64.getDecoder().decode(key), List.of())));
    }

    private ExperimentRun run(String id) {
        return runs.findById(id).orElseThrow();
    }

    private String runToEnd(String experiment) {
        Map<String, Object> answer = TestUsers.authorized(client.post().uri("/execute_experiment?wait=true&timeout=60")
                        .contentType(MediaType.APPLICATION_JSON)).bodyValue(experiment).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(answer).as(String.valueOf(answer)).containsEntry("status_code", 200);
        return (String) answer.get("run_id");
    }

    private String status(String runId) {
        return (String) TestUsers.authorized(client.get().uri("/experiments/{id}", runId)).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody().get("status");
    }

    /** Appends its secret to {@code out}, so the test sees the decrypted secret reached the activity. */
    private static String writesSecret(String secret, Path out) {
        return """
                {"title": "uses a secret", "description": "appends its secret to a file",
                 "secrets": {"vault": {"token": "%s"}},
                 "method": [{"type": "action", "name": "write secret", "provider": {"type": "process", "path": "sh",
                             "arguments": ["-c", "printf '%%s' \\"$0\\" >> '%s'", "${token}"], "secrets": ["vault"]}}]}
                """.formatted(secret, out);
    }

    /** The stored format before key ids (every release up to this one): base64(IV + AES-GCM(text)), no associated data. */
    private static String formatOne(byte[] key, String clearText) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
