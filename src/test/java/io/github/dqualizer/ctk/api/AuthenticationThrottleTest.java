package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.support.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.TestUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key"})
class AuthenticationThrottleTest {

    private static final String GUESSED_USER = "guessedUser";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void executeWhenManyWrongPasswordsThenThrottledWhileAnotherUserStillGetsIn() {
        TestUsers.ensure(dataSource);
        TestUsers.put(new JdbcTemplate(dataSource), GUESSED_USER, TestUsers.sha256Hex("right"));
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(30));

        Map<HttpStatus, Integer> answers = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            HttpStatus status = (HttpStatus) client.get().uri("/experiments")
                    .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                    .header("username", GUESSED_USER).header("password", "guess-" + i)
                    .exchange().returnResult(String.class).getStatus();
            answers.merge(status, 1, Integer::sum);
        }

        assertThat(answers.get(HttpStatus.UNAUTHORIZED)).isEqualTo(10);
        assertThat(answers.get(HttpStatus.TOO_MANY_REQUESTS)).isEqualTo(190);
        client.get().uri("/experiments")
                .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                .header("username", GUESSED_USER).header("password", "right")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "60")
                .expectBody()
                .jsonPath("$.status_code").isEqualTo(429)
                .jsonPath("$.status").isEqualTo("Too many failed authentication attempts.")
                .jsonPath("$.info").isEqualTo("Retry after 60 seconds.");
        TestUsers.authorized(client.get().uri("/experiments")).exchange().expectStatus().isOk();
    }

    @Test
    void executeWhenWrongPasswordsInParallelThenNoMoreThanTheLimitChecked() throws Exception {
        TestUsers.ensure(dataSource);
        String user = "parallelGuessedUser";
        TestUsers.put(new JdbcTemplate(dataSource), user, TestUsers.sha256Hex("right"));
        Map<Integer, Integer> answers = statusesOfParallelLogins(user, i -> "parallel-guess-" + i, 40);

        assertThat(answers).as("each attempt is counted before its check: only the first 10 are checked")
                .containsExactlyInAnyOrderEntriesOf(Map.of(401, 10, 429, 30));
    }

    @Test
    void executeWhenManyParallelFirstLoginsWithRightCredentialsThenAllGetIn() throws Exception {
        TestUsers.ensure(dataSource);
        String user = "burstUser";
        // a slow hash (bcrypt cost 12) keeps the first check running while all 24 requests arrive: each in-flight
        // request used to hold an attempt of its own, so the 11th got 429 although every password was right
        TestUsers.put(new JdbcTemplate(dataSource), user, "{bcrypt}" + new BCryptPasswordEncoder(12).encode("right"));
        Map<Integer, Integer> answers = statusesOfParallelLogins(user, i -> "right", 24);

        assertThat(answers).as("requests presenting the same credentials while they are checked share one check")
                .containsExactly(Map.entry(200, 24));
    }

    @Test
    void executeWhenAnyOneCredentialWrongThenTheSame401AnswerWhicheverItWas() {
        TestUsers.ensure(dataSource);
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(30));
        String[][] wrong = {
                {"nobody", TestUsers.DB_PASSWORD, TestUsers.OTHER_USER, TestUsers.OTHER_PASSWORD},     // database account
                {TestUsers.DB_USER, "wrong-db-password", TestUsers.OTHER_USER, TestUsers.OTHER_PASSWORD}, // database password
                {TestUsers.DB_USER, TestUsers.DB_PASSWORD, "noSuchUser", TestUsers.OTHER_PASSWORD},      // unknown user
                {TestUsers.DB_USER, TestUsers.DB_PASSWORD, TestUsers.OTHER_USER, "wrong-password"},      // wrong password
                {TestUsers.DB_USER, TestUsers.DB_PASSWORD, TestUsers.OTHER_USER, ""},                    // empty password
        };
        java.util.Set<String> answers = new java.util.HashSet<>();
        for (String[] credentials : wrong) {
            var result = client.post().uri("/execute_experiment").header("Content-Type", "application/json")
                    .header("dbUsername", credentials[0]).header("dbPassword", credentials[1])
                    .header("username", credentials[2]).header("password", credentials[3])
                    .bodyValue(io.github.dqualizer.ctk.support.Experiments.trivial())
                    .exchange().expectStatus().isUnauthorized()
                    .expectBody(String.class).returnResult();
            assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate")).isNull();
            answers.add(result.getResponseBody());
        }
        assertThat(answers).as("one answer for every wrong credential: nothing tells which one was wrong")
                .containsExactly("{\"status_code\":401,\"status\":\"Authentication failed.\",\"info\":\"\"}");
    }

    /** Sends the logins at once and counts their answers' statuses. */
    private Map<Integer, Integer> statusesOfParallelLogins(String user, java.util.function.IntFunction<String> password,
                                                         int count) throws Exception {
        // HTTP/1.1: one connection per request in flight, so all of them are in the service at the same time
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> logins =
                new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            logins.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/experiments"))
                            .timeout(Duration.ofSeconds(30))
                            .header("dbUsername", TestUsers.DB_USER).header("dbPassword", TestUsers.DB_PASSWORD)
                            .header("username", user).header("password", password.apply(i)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> answers = new java.util.TreeMap<>();
        for (var login : logins) {
            answers.merge(login.get().statusCode(), 1, Integer::sum);
        }
        return answers;
    }
}
