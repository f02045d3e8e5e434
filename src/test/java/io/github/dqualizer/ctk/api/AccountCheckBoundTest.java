package io.github.dqualizer.ctk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.TestUsers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Database account checks open a real connection each, so they are bounded. Here the checks go to a real TCP server on
 * loopback that accepts connections and never says a word (a database that hangs in the handshake): each check then
 * holds its place until the connect/socket timeout, answered 503 "database cannot be reached". With room for one
 * check, further distinct accounts are answered 503 "Service busy." at once; the same account shares the running check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-account-bound;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.auth.max-concurrent-account-checks=1",
        "ctk.auth.connect-timeout=3s"})
class AccountCheckBoundTest {

    private static final ServerSocket SILENT_DATABASE = silentServer();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void silentDatabase(DynamicPropertyRegistry registry) {
        registry.add("ctk.auth.database-url", () -> "jdbc:mysql://127.0.0.1:" + SILENT_DATABASE.getLocalPort() + "/ctk");
    }

    @AfterAll
    static void close() throws IOException {
        SILENT_DATABASE.close();
    }

    @Test
    void distinctAccountsInParallelWhenMoreThanTheBoundThenBusyEnvelopeAtOnceAndNoHang() throws Exception {
        TestUsers.ensure(dataSource);

        List<HttpResponse<String>> answers = inParallel(6, i -> "db-guess-" + i);

        Map<String, Integer> byStatus = byStatusText(answers);
        assertThat(byStatus).as("one check runs (and times out), the other five are refused at once")
                .containsExactlyInAnyOrderEntriesOf(Map.of("503 Service temporarily unavailable.", 1, "503 Service busy.", 5));
        HttpResponse<String> busy = answers.stream().filter(a -> a.body().contains("Service busy.")).findFirst().orElseThrow();
        assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        assertThat(busy.body()).isEqualTo("{\"status_code\":503,\"status\":\"Service busy.\",\"info\":"
                + "\"Too many database account checks are running at once; retry in 1 second.\"}");
    }

    @Test
    void sameAccountInParallelThenOneCheckSharedNoneRefused() throws Exception {
        TestUsers.ensure(dataSource);

        List<HttpResponse<String>> answers = inParallel(6, i -> "same-db-password");

        assertThat(byStatusText(answers)).as("all six wait for the one check of that account")
                .containsExactlyInAnyOrderEntriesOf(Map.of("503 Service temporarily unavailable.", 6));
    }

    private List<HttpResponse<String>> inParallel(int count, java.util.function.IntFunction<String> dbPassword)
            throws Exception {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/experiments"))
                    .timeout(Duration.ofSeconds(60))
                    .header("dbUsername", TestUsers.DB_USER).header("dbPassword", dbPassword.apply(i))
                    .header("username", TestUsers.DEMO_USER).header("password", TestUsers.DEMO_PASSWORD).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : pending) {
            answers.add(answer.get());
        }
        return answers;
    }

    private static Map<String, Integer> byStatusText(List<HttpResponse<String>> answers) {
        Map<String, Integer> counts = new TreeMap<>();
        for (HttpResponse<String> answer : answers) {
            String status = answer.body().replaceAll(".*\"status\":\"([^\"]*)\".*", "$1");
            counts.merge(answer.statusCode() + " " + status, 1, Integer::sum);
        }
        return counts;
    }

    /** Accepts TCP connections (the kernel completes them from the backlog) and never reads or writes. */
    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
