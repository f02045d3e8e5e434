package io.github.dqualizer.ctk.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP activities with many distinct timeouts share the provider's clients: each JDK client owns a selector
 * thread for as long as it exists, so a client per timeout value let experiments add threads without bound.
 */
class HttpClientThreadsTest {

    private final RecordingHttpServer server = new RecordingHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sixtyDistinctTimeoutsThenNoNewClientThreads() throws Exception {
        HttpProvider provider = new HttpProvider();
        provider.run(Map.of("type", "http", "url", server.url("/ok"), "timeout", 5)); // the shared client exists now
        long before = clientThreads();

        List<Object> statuses = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Object timeout = i % 2 == 0 ? 5 + i / 100.0 : List.of(2 + i / 100.0, 5 + i / 100.0);
            statuses.add(provider.run(Map.of("type", "http", "url", server.url("/ok"), "timeout", timeout)).get("status"));
        }

        assertThat(statuses).hasSize(60).containsOnly(200);
        // the shared client's worker pool may add a thread or two, 60 clients would add 60 selector threads
        assertThat(clientThreads()).isLessThanOrEqualTo(before + 4);
    }

    /** Live threads of JDK HTTP clients ({@code HttpClient-<n>-SelectorManager}, {@code HttpClient-<n>-Worker-<m>}). */
    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("HttpClient-"))
                .count();
    }
}
