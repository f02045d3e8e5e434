package io.github.dqualizer.ctk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ctktest.CallbackReceiver;
import io.github.dqualizer.ctk.support.Experiments;
import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ?callback=URL}: the outcome reaches a real HTTP receiver on loopback, signed, at least once — the
 * receiver refuses the first delivery and JobRunr's retry delivers it again; a URL outside the outbound HTTP
 * policy is refused before anything is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-callbacks;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.notifications.signing-key=" + CallbackDeliveryTest.SIGNING_KEY,
        "ctk.notifications.public-url=http://ctk.example:3323/",
        "ctk.http.allowed-hosts=127.0.0.1"})
class CallbackDeliveryTest {

    static final String SIGNING_KEY = "callback-signing-key-for-tests";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(dataSource);
        client = LocalClient.on(port, Duration.ofSeconds(60));
    }

    @Test
    void callbackWhenReceiverRefusesFirstDeliveryThenRetriedSignedWithTheWaitModeAnswerAndRunIdAsIdempotencyKey()
            throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(503, 204)) {
            Map<String, Object> answer = submit("/execute_experiment?wait=true&callback=" + asQueryValue(receiver.url()),
                    Experiments.withSteadyState("called back"));
            assertThat(answer).containsEntry("status_code", 200);
            String runId = (String) answer.get("run_id");

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 2);

            CallbackReceiver.Received refused = receiver.received().get(0);
            CallbackReceiver.Received delivered = receiver.received().get(1);
            assertThat(delivered.body()).as("every attempt sends the same outcome").isEqualTo(refused.body());
            assertThat(delivered.header("Idempotency-Key")).isEqualTo(runId);
            assertThat(delivered.header("Content-Type")).isEqualTo("application/json");
            assertThat(delivered.header("X-Ctk-Signature")).isEqualTo("sha256=" + hmacSha256Hex(delivered.body()));

            Map<String, Object> body = JSON.readValue(delivered.body(), LinkedHashMap.class);
            assertThat(body).containsEntry("journal_url", "http://ctk.example:3323/experiments/" + runId + "/journal")
                    .containsEntry("run_id", runId).containsEntry("status_code", 200)
                    .containsEntry("journal_status", "completed").containsEntry("deviated", false);
            body.remove("journal_url");
            assertThat(body).as("the wait-mode answer").isEqualTo(answer);
            // the receiver records a request before it answers: the delivery job ends after the answer reached it
            await().atMost(Duration.ofSeconds(10)).until(() -> "SUCCEEDED".equals(jobState(runId)));
        }
    }

    @Test
    void callbackWhenRunFailsThenItsOutcomeIsPosted() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(200)) {
            String runId = (String) submit("/execute_experiment?callback=" + asQueryValue(receiver.url()),
                    Experiments.hypothesisProbeTimesOut()).get("run_id");

            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.received().isEmpty());

            Map<String, Object> body = JSON.readValue(receiver.received().get(0).body(), LinkedHashMap.class);
            assertThat(body).containsEntry("run_id", runId).containsEntry("status_code", 500)
                    .containsEntry("journal_status", "failed");
        }
    }

    @Test
    void callbackWhenHostNotOnOutboundAllowListThen400AndNothingStored() {
        long before = runCount();
        Map<String, Object> answer = TestUsers.authorized(client.post()
                        .uri("/execute_experiment?callback=" + asQueryValue("http://localhost:9/hook"))
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(Experiments.trivial()).exchange()
                .expectStatus().isBadRequest().expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(answer).containsEntry("status_code", 400);
        assertThat((String) answer.get("info")).contains("localhost").contains("ctk.http.allowed-hosts");
        assertThat(runCount()).isEqualTo(before);
    }

    @Test
    void callbackWhenNotAnHttpUrlThen400() {
        Map<String, Object> answer = TestUsers.authorized(client.post()
                        .uri("/execute_experiment?callback=" + asQueryValue("file:///etc/passwd"))
                        .contentType(MediaType.APPLICATION_JSON))
                .bodyValue(Experiments.trivial()).exchange()
                .expectStatus().isBadRequest().expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat((String) answer.get("info")).contains("absolute http or https URL");
    }

    private Map<String, Object> submit(String uri, String experiment) {
        return TestUsers.authorized(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON))
                .bodyValue(experiment).exchange()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private String jobState(String runId) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT state FROM jobrunr_jobs WHERE id = ?", String.class,
                CallbackScheduler.jobId(runId).toString());
    }

    private long runCount() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM experiment_runs", Long.class);
    }

    /** As is: WebTestClient encodes the URI template itself, and ':' and '/' are legal in a query. */
    private static String asQueryValue(String url) {
        return url;
    }

    private static String hmacSha256Hex(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
