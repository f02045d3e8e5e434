package io.github.dqualizer.ctk.providers.chaosspring;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import io.github.dqualizer.ctk.safety.OutboundHosts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a target's Chaos Monkey actuator endpoint the way chaosspring's {@code api.call_api} does, but with a
 * real client-side timeout and failures that say what went wrong.
 */
@Component
class ChaosMonkeyClient {

    private static final int MAX_ANSWER_IN_MESSAGE = 2000;

    private final JsonMapper json = JsonMapper.builder().build();
    /** One client with and one without certificate checks: a client owns threads, timeouts go on each request. */
    private final Map<Boolean, HttpClient> clients = new ConcurrentHashMap<>();
    private final OutboundHosts hosts;

    /** A client that may call any host. */
    public ChaosMonkeyClient() {
        this(OutboundHosts.any());
    }

    @Autowired
    public ChaosMonkeyClient(OutboundHosts hosts) {
        this.hosts = hosts;
    }

    /** GET {@code base_url/path}; {@code failure} prefixes every error message. */
    HttpResponse<String> get(ChaosMonkeyEndpoint endpoint, String path, String failure) throws InterruptedException {
        return send(endpoint, path, HttpRequest.newBuilder().GET(), failure);
    }

    /** POST {@code base_url/path} with {@code body} as JSON, or with no body when it is {@code null}. */
    HttpResponse<String> post(ChaosMonkeyEndpoint endpoint, String path, Object body, String failure)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .setHeader("Content-Type", "application/json");
        }
        return send(endpoint, path, request, failure);
    }

    /** The answer's text if the target answered 200, as chaosspring requires; otherwise the activity fails. */
    String requireOk(HttpResponse<String> response, String failure) {
        if (response.statusCode() != 200) {
            throw new ActivityFailedException(failure + ": " + describe(response));
        }
        return response.body();
    }

    /** The answer parsed as JSON (maps, lists, strings, numbers, booleans). */
    Object parseJson(HttpResponse<String> response, String failure) {
        try {
            return json.readValue(response.body(), Object.class);
        } catch (JacksonException e) {
            throw new ActivityFailedException(failure + ": the answer is not JSON: " + describe(response));
        }
    }

    /** "{@code body} (HTTP status from url)" — the target's answer as error messages show it. */
    static String describe(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > MAX_ANSWER_IN_MESSAGE) {
            body = body.substring(0, MAX_ANSWER_IN_MESSAGE) + "…";
        }
        String origin = "HTTP " + response.statusCode() + " from " + response.uri();
        return body.isEmpty() ? origin : body + " (" + origin + ")";
    }

    private HttpResponse<String> send(ChaosMonkeyEndpoint endpoint, String path, HttpRequest.Builder request,
                                      String failure) throws InterruptedException {
        URI uri = endpoint.resolve(path);
        hosts.refusal(uri.toString()).ifPresent(reason -> {
            throw new ActivityFailedException(failure + ": refused: " + reason);
        });
        request.uri(uri).timeout(endpoint.timeout());
        try {
            endpoint.headers().forEach(request::setHeader);
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException(failure + ": header not allowed: " + e.getMessage());
        }
        if (endpoint.headers().keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            request.setHeader("Accept", "application/json");
        }
        CompletableFuture<HttpResponse<String>> answer = client(endpoint)
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // the request timeout stops waiting for the headers; this one also bounds reading the body
            return answer.get(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ActivityFailedException(failure + ": no answer from " + uri + " within "
                    + seconds(endpoint.timeout()));
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause(), uri, endpoint, failure);
        }
    }

    private static ActivityFailedException transportFailure(Throwable cause, URI uri, ChaosMonkeyEndpoint endpoint,
                                                            String failure) {
        String problem;
        if (cause instanceof HttpConnectTimeoutException) {
            problem = "cannot connect to " + uri + " within " + seconds(endpoint.timeout());
        } else if (cause instanceof HttpTimeoutException) {
            problem = "no answer from " + uri + " within " + seconds(endpoint.timeout());
        } else if (hasCause(cause, UnresolvedAddressException.class)) {
            problem = "cannot connect to " + uri + ": unknown host " + uri.getHost();
        } else if (cause instanceof ConnectException) {
            problem = "cannot connect to " + uri + " (" + detail(cause, "connection refused")
                    + "); is the target running and is base_url right?";
        } else if (hasCause(cause, SSLException.class)) {
            problem = "TLS with " + uri + " failed: " + detail(cause, "handshake failed")
                    + (endpoint.verifySsl() ? " (verify_ssl false accepts any certificate)" : "");
        } else if (cause instanceof IOException) {
            problem = "calling " + uri + " failed: " + detail(cause, cause.getClass().getSimpleName());
        } else {
            problem = "calling " + uri + " failed: " + cause;
        }
        return new ActivityFailedException(failure + ": " + problem, cause);
    }

    private HttpClient client(ChaosMonkeyEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint.verifySsl(), verifySsl -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NORMAL);
            if (!verifySsl) {
                builder.sslContext(TrustingSslContext.create());
            }
            return builder.build();
        });
    }

    private static boolean hasCause(Throwable throwable, Class<? extends Throwable> type) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The most specific message in the cause chain, e.g. "Connection refused". */
    private static String detail(Throwable throwable, String fallback) {
        String message = null;
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? fallback : message;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
