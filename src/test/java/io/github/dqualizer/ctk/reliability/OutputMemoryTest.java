package io.github.dqualizer.ctk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.dqualizer.ctk.support.ExternalService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One experiment whose process action prints 100 MB and whose HTTP probe downloads a 100 MB body, run by the
 * service as its own process with a 384 MB heap ({@link ExternalService}): it ends {@code completed}, the journal
 * keeps 1 MB of each with the truncation marker, and the service neither runs out of memory nor dies. Before the
 * output was capped, each 100 MB output was held whole several times over (bytes, text, journal JSON).
 */
class OutputMemoryTest {

    private static final long HUNDRED_MB = 100_000_000L;

    @TempDir
    Path dir;

    @Test
    void hundredMegabytesOfProcessOutputAndHttpBodyThenRunCompletesWithCappedOutput() throws Exception {
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/big", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, HUNDRED_MB);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'y');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < HUNDRED_MB; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, HUNDRED_MB - sent));
                }
            } catch (IOException e) {
                // the service stopped reading at its limit
            }
        });
        target.start();
        String experiment = """
                {"title": "100 MB of output", "description": "a process and an HTTP body of 100 MB each",
                 "method": [
                   {"type": "action", "name": "print 100 MB", "provider": {"type": "process", "path": "sh",
                    "arguments": ["-c", "head -c 100000000 /dev/zero | tr '\\\\000' x"]}},
                   {"type": "probe", "name": "download 100 MB", "provider": {"type": "http",
                    "url": "http://127.0.0.1:%d/big", "timeout": 60}}]}
                """.formatted(target.getAddress().getPort());
        String url = "jdbc:h2:file:" + dir.resolve("ctk").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE";
        try (ExternalService service = ExternalService.start(Map.of("spring.datasource.url", url), Reliability.log("output-memory"))) {
            ExternalService.Response accepted = service.submit(experiment);
            assertThat(accepted.statusCode()).as("%s", accepted.body()).isEqualTo(202);
            String runId = (String) accepted.body().get("run_id");

            // a bound against waiting for ever, not a speed requirement: before the cap the run never ended
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !List.of("queued", "running").contains(service.run(runId).get("status")));

            assertThat(service.run(runId)).containsEntry("status", "completed");
            List<?> run = (List<?>) service.journal(runId).get("run");
            Map<?, ?> process = (Map<?, ?>) ((Map<?, ?>) run.get(0)).get("output");
            Map<?, ?> http = (Map<?, ?>) ((Map<?, ?>) run.get(1)).get("output");
            assertThat((String) process.get("stdout")).hasSize(1_048_576 + 77)
                    .endsWith("\n[dqualizer-ctk: output truncated, kept the first 1048576 of 100000000 bytes]");
            assertThat((String) http.get("body")).startsWith("yyyy")
                    .endsWith("\n[dqualizer-ctk: body truncated, kept the first 1048576 bytes, the rest was not read]");
            assertThat(service.isAlive()).isTrue();
            assertThat(service.logText()).doesNotContain("OutOfMemoryError");
        } finally {
            target.stop(0);
        }
    }
}
