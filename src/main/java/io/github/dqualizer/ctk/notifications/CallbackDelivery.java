package io.github.dqualizer.ctk.notifications;

import io.github.dqualizer.ctk.jobs.store.RunOutcome;
import io.github.dqualizer.ctk.jobs.store.RunQueries;
import io.github.dqualizer.ctk.jobs.store.StoredRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jobrunr.JobRunrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JobRunr job that POSTs one run's outcome to its callback URL; any answer but 2xx (or no answer) fails
 * the attempt, and JobRunr retries it with back-off. The run id is the idempotency key: a receiver that sees
 * it twice has seen the same outcome twice.
 */
@Component
public class CallbackDelivery {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(CallbackDelivery.class);

    private final RunQueries runs;
    private final CallbackTargets targets;
    private final CallbackSigner signer;
    private final OutcomeDocuments documents;
    private final NotificationProperties properties;
    private final JsonMapper json;
    // no redirects: a receiver must not steer the service to a host the policy did not check. Built at the first
    // callback: a JDK client's selector thread wakes every few seconds for its whole life, also on an idle service
    private final SingletonSupplier<HttpClient> http;

    CallbackDelivery(RunQueries runs, CallbackTargets targets, CallbackSigner signer, OutcomeDocuments documents,
                     NotificationProperties properties, JsonMapper json) {
        this.runs = runs;
        this.targets = targets;
        this.signer = signer;
        this.documents = documents;
        this.properties = properties;
        this.json = json;
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public void deliver(String runId) throws InterruptedException {
        StoredRun run = runs.any(runId).orElse(null);
        if (run == null || run.callbackUrl() == null) {
            log.warn("Callback of run {} not sent: the run or its callback URL no longer exists", runId);
            return;
        }
        URI target = URI.create(checked(runId, run.callbackUrl()));
        byte[] body = body(run.outcome());
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, runId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signer.signs()) {
            request.header(CallbackSigner.HEADER, signer.signature(body));
        }
        int status = send(runId, target, request.build());
        if (status / 100 != 2) {
            // the URL may carry a token: only its host reaches the log and JobRunr's job table
            throw new CallbackFailedException("Callback of run " + runId + " to host " + target.getHost()
                    + " was answered with HTTP " + status + "; it will be retried.");
        }
        log.info("Callback of run {} delivered to host {} (HTTP {})", runId, target.getHost(), status);
    }

    /** The wait-mode answer plus {@code journal_url}. */
    byte[] body(RunOutcome outcome) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(documents.waitModeAnswer(outcome), LinkedHashMap.class);
        body.put("journal_url", properties.publicUrl() + "/experiments/" + outcome.runId() + "/journal");
        return json.writeValueAsBytes(body);
    }

    private String checked(String runId, String url) {
        try {
            return targets.check(url);
        } catch (CallbackRejectedException e) {
            throw new JobRunrException("Callback of run " + runId + " not sent: " + e.getMessage(), true); // no retry
        }
    }

    private int send(String runId, URI target, HttpRequest request) throws InterruptedException {
        try {
            return http.obtain().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new CallbackFailedException("Callback of run " + runId + " to host " + target.getHost()
                    + " got no answer (" + e.getClass().getSimpleName() + "); it will be retried.");
        }
    }

    /** A failed attempt, retried by JobRunr; carries no cause, whose message might name the whole URL. */
    static final class CallbackFailedException extends RuntimeException {
        CallbackFailedException(String message) {
            super(message);
        }
    }
}
