package io.github.dqualizer.ctk.providers.http;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.ProviderCrashException;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * chaoslib's http provider (6.3) on the JDK {@code HttpClient}: output {@code {status, headers, body}}, HTTP
 * errors are not failures, connection problems and read timeouts are.
 */
public final class HttpProvider {

    private final HttpClients clients = new HttpClients();

    /** @param provider the provider block with url, headers, timeout and arguments already substituted */
    public Map<String, Object> run(Map<?, ?> provider) throws InterruptedException {
        String url = String.valueOf(provider.get("url"));
        String method = String.valueOf(provider.get("method") == null ? "GET" : provider.get("method")).toUpperCase(Locale.ROOT);
        Map<?, ?> headers = provider.get("headers") instanceof Map<?, ?> h ? h : null;
        Duration[] timeouts = timeouts(provider.get("timeout"));
        boolean verifyTls = !Boolean.FALSE.equals(provider.get("verify_tls"));
        int retries = provider.get("max_retries") instanceof Number n ? Math.max(0, n.intValue()) : 0;
        HttpRequest request = HttpRequestFactory.build(url, method, headers, provider.get("arguments"), timeouts[1]);
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<byte[]> response = clients.get(timeouts[0], verifyTls)
                        .send(request, HttpResponse.BodyHandlers.ofByteArray());
                return HttpOutput.of(response);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                if (attempt >= retries) {
                    throw new ActivityFailedException("failed to connect to " + url + ": " + describe(e));
                }
            } catch (HttpTimeoutException e) {
                throw new ActivityFailedException("activity took too long to complete");
            } catch (javax.net.ssl.SSLException e) {
                throw new ActivityFailedException("failed to connect to " + url + ": " + describe(e));
            } catch (IOException e) {
                if (attempt >= retries) {
                    throw new ActivityFailedException("failed to connect to " + url + ": " + describe(e));
                }
            }
        }
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
