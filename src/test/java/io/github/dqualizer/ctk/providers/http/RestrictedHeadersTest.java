package io.github.dqualizer.ctk.providers.http;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.experiment.ExperimentReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Headers the JDK client does not let callers set ({@code Content-Length}, {@code Connection}, {@code Expect},
 * {@code Host}, {@code Upgrade}), which chaoslib's requests sends: a whole run through the engine against a real
 * loopback server that records what it received. This JVM runs without {@code jdk.httpclient.allowRestrictedHeaders}.
 */
class RestrictedHeadersTest {

    private final RecordingHttpServer server = new RecordingHttpServer();
    private final ExperimentRunner runner = TestEngine.runner();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void headersTheClientComputesThenDroppedAndActivitySucceeds() {
        Map<String, Object> journal = run("""
                {"type": "action", "name": "post with restricted headers", "provider": {"type": "http",
                 "url": "%s", "method": "POST", "arguments": "hello",
                 "headers": {"Content-Length": "999", "Connection": "close", "Host": "127.0.0.1:%d",
                             "Expect": "100-continue", "Upgrade": "h2c", "X-Kept": "yes"}}}""".formatted(
                server.url("/ok"), server.port()));

        assertThat(journal.get("status")).isEqualTo("completed");
        assertThat(record(journal).get("status")).as("%s", record(journal)).isEqualTo("succeeded");
        assertThat(server.received).singleElement().satisfies(request -> {
            assertThat(request.bodyLength()).isEqualTo(5);
            assertThat(request.headers()).containsEntry("content-length", List.of("5"))
                    .containsEntry("host", List.of("127.0.0.1:" + server.port()))
                    .containsEntry("x-kept", List.of("yes"))
                    .doesNotContainKey("upgrade");
            assertThat(request.headers().get("expect")).as("sent by the client itself")
                    .singleElement().asString().isEqualToIgnoringCase("100-continue");
            assertThat(request.headers().getOrDefault("connection", List.of())).doesNotContain("close");
        });
    }

    @Test
    void hostOtherThanUrlsThenActivityFailsSayingWhyAndRunGoesOn() {
        Map<String, Object> journal = run("""
                {"type": "action", "name": "virtual host", "provider": {"type": "http", "url": "%s",
                 "headers": {"Host": "example.org"}}},
                {"type": "action", "name": "next", "provider": {"type": "http", "url": "%s"}}""".formatted(
                server.url("/ok"), server.url("/ok")));

        assertThat(journal.get("status")).isEqualTo("completed");
        List<Map<String, Object>> run = records(journal);
        assertThat(run.get(0).get("status")).isEqualTo("failed");
        assertThat(String.valueOf(run.get(0).get("exception"))).contains("Host: example.org")
                .contains("-Djdk.httpclient.allowRestrictedHeaders=host");
        assertThat(run.get(1).get("status")).isEqualTo("succeeded");
        assertThat(server.received).hasSize(1);
    }

    @Test
    void headerTheJdkRefusesForAnotherReasonThenActivityFailsNotRun() {
        Map<String, Object> journal = run("""
                {"type": "action", "name": "bad header", "provider": {"type": "http", "url": "%s",
                 "headers": {"X-Bad": "line\\nbreak"}}}""".formatted(server.url("/ok")));

        assertThat(journal.get("status")).isEqualTo("completed");
        assertThat(record(journal).get("status")).isEqualTo("failed");
        assertThat(String.valueOf(record(journal).get("exception"))).contains("header 'X-Bad' cannot be sent");
    }

    private Map<String, Object> run(String method) {
        String json = """
                {"title": "t", "description": "d", "method": [%s]}""".formatted(method);
        return runner.run(new ExperimentReader().read(json.getBytes(StandardCharsets.UTF_8), false),
                new RunOptions("headers", null));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> journal) {
        return (List<Map<String, Object>>) journal.get("run");
    }

    private static Map<String, Object> record(Map<String, Object> journal) {
        return records(journal).get(0);
    }
}
