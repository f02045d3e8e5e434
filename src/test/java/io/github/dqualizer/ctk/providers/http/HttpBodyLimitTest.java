package io.github.dqualizer.ctk.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.providers.output.CapturedOutput;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What an http activity keeps of a response body: a real loopback server streams 100 MB. */
class HttpBodyLimitTest {

    private final RecordingHttpServer server = new RecordingHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void hundredMegabyteBodyThenFirstMegabyteKeptWithMarker() throws Exception {
        Map<String, Object> output = new HttpProvider(DataSize.ofMegabytes(1))
                .run(Map.of("type", "http", "url", server.url("/big/100000000"), "timeout", 30));

        String marker = "\n" + CapturedOutput.MARKER_PREFIX + "body truncated, kept the first 1048576 bytes, the rest was not read]";
        assertThat(output.get("status")).isEqualTo(200);
        String body = (String) output.get("body");
        assertThat(body).hasSize(1_048_576 + marker.length()).endsWith(marker);
        assertThat(body.substring(0, 1_048_576)).matches("x+");
    }

    @Test
    void truncatedJsonBodyThenTextWithMarkerInsteadOfParseFailure() throws Exception {
        Map<String, Object> output = new HttpProvider(DataSize.ofKilobytes(1))
                .run(Map.of("type", "http", "url", server.url("/big-json/5000")));

        assertThat((String) output.get("body")).hasSize(1024 + ("\n" + CapturedOutput.MARKER_PREFIX
                + "body truncated, kept the first 1024 bytes, the rest was not read]").length());
    }

    @Test
    void bodyWithinLimitThenWholeWithoutMarker() throws Exception {
        Map<String, Object> output = new HttpProvider(DataSize.ofKilobytes(1))
                .run(Map.of("type", "http", "url", server.url("/big/1024")));

        assertThat(output.get("body")).isEqualTo("x".repeat(1024));
    }
}
