package io.github.dqualizer.ctk.providers.http;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.ProviderCrashException;
import io.github.dqualizer.ctk.providers.output.BoundedOutputCollector;
import io.github.dqualizer.ctk.providers.output.CapturedOutput;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import io.github.dqualizer.ctk.safety.OutboundHosts;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * chaoslib's http provider (6.3) on the JDK {@code HttpClient}: output {@code {status, headers, body}}, HTTP
 * errors are not failures, connection problems and read timeouts are.
 */
public final class HttpProvider {

    private final HttpClients clients = new HttpClients();
    private final BoundedOutputCollector bodies;
    private final OutboundHosts hosts;

    public HttpProvider() {
        this(BoundedOutputCollector.DEFAULT_LIMIT);
    }

    /** @param maxBodySize the most kept of a response body ({@code ctk.engine.max-output-size}) */
    public HttpProvider(DataSize maxBodySize) {
        this(maxBodySize, OutboundHosts.any());
    }

    /** @param hosts where requests may go ({@code ctk.http.allowed-hosts}) */
    public HttpProvider(DataSize maxBodySize, OutboundHosts hosts) {
        this.bodies = new BoundedOutputCollector((int) maxBodySize.toBytes());
        this.hosts = hosts;
    }

    /** @param provider the provider block with url, headers, timeout and arguments already substituted */
    public Map<String, Object> run(Map<?, ?> provider) throws InterruptedException {
        String url = String.valueOf(provider.get("url"));
        hosts.refusal(url).ifPresent(reason -> {
            throw new ActivityFailedException("Refused: " + reason);
        });
        String method = String.valueOf(provider.get("method") == null ? "GET" : provider.get("method")).toUpperCase(Locale.ROOT);
        Map<?, ?> headers = provider.get("headers") instanceof Map<?, ?> h ? h : null;
        Duration timeout = requestTimeout(timeouts(provider.get("timeout")));
        boolean verifyTls = !Boolean.FALSE.equals(provider.get("verify_tls"));
        int retries = provider.get("max_retries") instanceof Number n ? Math.max(0, n.intValue()) : 0;
        HttpRequest request = HttpRequestFactory.build(url, method, headers, provider.get("arguments"), timeout);
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<InputStream> response = clients.get(verifyTls)
                        .send(request, HttpResponse.BodyHandlers.ofInputStream());
                return HttpOutput.of(response, readBody(response));
            } catch (HttpConnectTimeoutException | ConnectException e) {
                if (attempt >= retries) {
                    throw new ActivityFailedException("failed to connect to " + url + ": " + describe(e));
                }
            } catch (HttpTimeoutException e) {
                throw new ActivityFailedException("activity took too long to complete");
            } catch (javax.net.ssl.SSLException e) {
                throw new ActivityFailedException("failed to connect to " + url + ": " + describe(e));
            } catch (IOException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("cancelled while reading " + url);
                }
                if (attempt >= retries) {
                    throw new ActivityFailedException("failed to connect to " + url + ": " + describe(e));
                }
            }
        }
    }

    /** At most the limit of the body, read as it arrives; the rest is left unread and the connection closed. */
    private CapturedOutput readBody(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            return bodies.readPrefix(body);
        }
    }

    /**
     * The JDK client has one timeout per request, covering the connection and the wait for the response head
     * (a client-wide connect timeout would need a client, with its own threads, per value): the read part of
     * requests' {@code (connect, read)}, or the connect part when the read part is none. A request that times
     * out before it is connected fails as a connect timeout, which {@code max_retries} retries.
     */
    private static Duration requestTimeout(Duration[] connectAndRead) {
        return connectAndRead[1] != null ? connectAndRead[1] : connectAndRead[0];
    }

    /** {@code [connect, read]}: null = none, a number for both, a 2-element list for each. */
    private static Duration[] timeouts(Object value) {
        if (value == null) {
            return new Duration[] {null, null};
        }
        if (value instanceof List<?> list && list.size() == 2) {
            return new Duration[] {duration(list.get(0)), duration(list.get(1))};
        }
        Duration d = duration(value);
        return new Duration[] {d, d};
    }

    private static Duration duration(Object value) {
        if (value == null) {
            return null;
        }
        if (!PyValues.isNumeric(value) || value instanceof Boolean) {
            throw new ProviderCrashException("ValueError", "Timeout value connect was " + value
                    + ", but it must be an int, float or None.");
        }
        double seconds = ((Number) value).doubleValue();
        if (seconds <= 0) {
            throw new ProviderCrashException("ValueError", "Attempted to set connect timeout to " + value
                    + ", but the timeout cannot be set to a value less than or equal to 0.");
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
