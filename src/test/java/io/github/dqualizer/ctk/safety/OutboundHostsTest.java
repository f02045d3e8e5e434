package io.github.dqualizer.ctk.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.dqualizer.ctk.support.LocalClient;
import io.github.dqualizer.ctk.support.TestUsers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ctk.http.allowed-hosts}: {@code http} activities and Chaos Monkey functions reach a listed host (a real
 * server on loopback) and are refused, without sending anything, for a host that is not listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ctk-hosts;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "ctk.dashboard.enabled=false",
        "ctk.secrets.key-file=target/test-secrets.key",
        "ctk.http.allowed-hosts=127.0.0.1"})
class OutboundHostsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    HttpServer target;
    final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTarget() throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        target.start();
    }

    @AfterEach
    void stopTarget() {
        target.stop(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listedHostIsCalledOthersAreRefusedWithoutARequest() {
        TestUsers.ensure(dataSource);
        int targetPort = target.getAddress().getPort();
        String experiment = """
                {"title": "hosts", "description": "d",
                 "method": [
                   {"type": "action", "name": "listed", "provider": {"type": "http", "url": "http://127.0.0.1:%1$d/listed"}},
                   {"type": "action", "name": "not listed", "provider": {"type": "http", "url": "http://localhost:%1$d/unlisted"}},
                   {"type": "action", "name": "monkey", "provider": {"type": "python", "module": "chaosspring.actions",
                     "func": "enable_chaosmonkey", "arguments": {"base_url": "http://localhost:%1$d/actuator"}}}]}
                """.formatted(targetPort);
        WebTestClient client = LocalClient.on(port, Duration.ofSeconds(60));
        String answer = TestUsers.authorized(client.post().uri("/execute_experiment?wait=true&timeout=30")
                        .contentType(MediaType.APPLICATION_JSON)).bodyValue(experiment).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String runId = (String) JSON.readValue(answer, Map.class).get("run_id");
        String journal = TestUsers.authorized(client.get().uri("/experiments/" + runId + "/journal")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<Map<String, Object>> run = (List<Map<String, Object>>) JSON.readValue(journal, Map.class).get("run");

        assertThat(run.get(0).get("status")).isEqualTo("succeeded");
        assertThat(run.get(1).get("status")).isEqualTo("failed");
        assertThat(String.valueOf(run.get(1).get("exception")))
                .contains("Refused: host 'localhost' is not on the allow-list (ctk.http.allowed-hosts)");
        assertThat(run.get(2).get("status")).isEqualTo("failed");
        assertThat(String.valueOf(run.get(2).get("exception")))
                .contains("refused: host 'localhost' is not on the allow-list (ctk.http.allowed-hosts)");
        assertThat(received).containsExactly("/listed");
    }

    @Test
    void entriesMatchHostNamesAddressesAndSubdomains() {
        OutboundHosts hosts = new OutboundHosts(List.of("Target.example.com", "*.internal.example", "::1", "10.0.0.5"));

        assertThat(hosts.refusal("https://target.EXAMPLE.com:8443/x")).isEmpty();
        assertThat(hosts.refusal("http://a.b.internal.example/")).isEmpty();
        assertThat(hosts.refusal("http://internal.example/")).as("the domain itself is not below it").isPresent();
        assertThat(hosts.refusal("http://[::1]:80/")).isEmpty();
        assertThat(hosts.refusal("http://10.0.0.5/")).isEmpty();
        assertThat(hosts.refusal("http://10.0.0.6/")).isPresent();
        assertThat(hosts.refusal("http://evil.com/?target.example.com")).isPresent();
        assertThat(hosts.refusal("not a url")).isPresent();
        assertThat(OutboundHosts.any().refusal("http://anything/")).isEmpty();
    }
}
