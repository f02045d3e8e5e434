package io.github.dqualizer.ctk.api;

import io.github.dqualizer.ctk.jobs.SubmissionNotStoredException;
import io.github.dqualizer.ctk.jobs.fleet.NoLiveHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that turns every error into the {@code {status_code, status, info}} envelope.
 * Stack traces and internal messages never reach the client; they are logged instead.
 */
@Component
@Order(-2)
class EnvelopeErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorHandler.class);

    private final JsonMapper json;

    EnvelopeErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Envelope envelope = toEnvelope(error);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(envelope.statusCode()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (error instanceof ApiException api && api.retryAfter() != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(api.retryAfter().toSeconds()));
        }
        byte[] body = json.writeValueAsBytes(envelope);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private Envelope toEnvelope(Throwable error) {
        if (error instanceof ApiException api) {
            return api.toEnvelope();
        }
        if (error instanceof ServerWebInputException input) {
            return Envelope.error(400, "Invalid request.", input.getReason());
        }
        if (error instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            return Envelope.error(code, reasonPhrase(code), status.getReason() == null ? "" : status.getReason());
        }
        if (error instanceof NoLiveHostException noHost) {
            // 409: the request is valid, it conflicts with the fleet as it is now (the host may come back)
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("message", noHost.getMessage());
            info.put("host", noHost.host());
            info.put("live_hosts", noHost.liveHosts());
            return Envelope.error(409, "No live instance on host " + noHost.host() + ".", info);
        }
        if (error instanceof SubmissionNotStoredException notStored) {
            log.warn("Submission not stored: {}", notStored.getMessage());
            return Envelope.error(503, "Service temporarily unavailable.", notStored.getMessage());
        }
        if (error instanceof DataAccessException || error instanceof CannotCreateTransactionException) {
            log.warn("Database unavailable while serving a request: {}", error.toString());
            return Envelope.error(503, "Service temporarily unavailable.",
                    "The database cannot be reached; nothing was stored. Retry later.");
        }
        log.error("Unexpected error while serving a request", error);
        return Envelope.error(500, "Internal error.", "The error was logged with the time of this request.");
    }

    private static String reasonPhrase(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null ? "Error." : status.getReasonPhrase() + ".";
    }
}
