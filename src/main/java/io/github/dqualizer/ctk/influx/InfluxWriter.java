package io.github.dqualizer.ctk.influx;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sends points to InfluxDB 2 asynchronously; a lost point never fails the caller and is logged once per run.
 *
 * <p>Each point is timestamped when it is created, so a slow server delays only its arrival, not
 * the measurement. The token goes into the {@code Authorization} header only and is never logged.
 */
@Component
public class InfluxWriter {

    private static final Logger log = LoggerFactory.getLogger(InfluxWriter.class);

    private final InfluxProperties properties;
    /** Built at the first write: a JDK client's selector thread wakes every few seconds, also on an idle service. */
    private final SingletonSupplier<HttpClient> client;
    private final URI writeUri;
    private final Cache<String, Boolean> runsWithLoss = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(6)).maximumSize(10_000).build();

    public InfluxWriter(InfluxProperties properties) {
        this.properties = properties;
        this.client = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        this.writeUri = URI.create(properties.url() + "/api/v2/write?org=" + encode(properties.org())
                + "&bucket=" + encode(properties.bucket()) + "&precision=ms");
    }

    /** Sends the point in the background; completes normally even when the point is lost. */
    public CompletableFuture<Void> write(String runId, InfluxPoint point) {
        if (!properties.enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(writeUri)
                .timeout(properties.timeout())
                .header("Authorization", "Token " + properties.token())
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(point.toLineProtocol() + "\n"))
                .build();
        try {
            return client.obtain().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure;
                            reportLoss(runId, point, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                        } else if (response.statusCode() / 100 != 2) {
                            reportLoss(runId, point, "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            reportLoss(runId, point, e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    private void reportLoss(String runId, InfluxPoint point, String reason) {
        String key = runId == null ? "" : runId;
        if (runsWithLoss.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            log.warn("InfluxDB at {} did not accept measurement '{}' of run {} ({}); further losses of this run are not logged",
                    properties.url(), point.measurement(), runId, reason);
        } else {
            log.debug("InfluxDB point '{}' of run {} lost: {}", point.measurement(), runId, reason);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 200 ? String.valueOf(body) : body.substring(0, 200) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
