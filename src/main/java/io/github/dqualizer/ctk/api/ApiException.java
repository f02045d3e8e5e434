package io.github.dqualizer.ctk.api;

import org.springframework.http.HttpStatus;

/** A client or availability error answered with the envelope; message and info are safe to show. */
class ApiException extends RuntimeException {

    private final HttpStatus httpStatus;
    private final transient Object info;
    private java.time.Duration retryAfter;

    public ApiException(HttpStatus httpStatus, String status, Object info) {
        super(status);
        this.httpStatus = httpStatus;
        this.info = info;
    }

    ApiException withRetryAfter(java.time.Duration after) {
        this.retryAfter = after;
        return this;
    }

    java.time.Duration retryAfter() {
        return retryAfter;
    }

    public HttpStatus httpStatus() {
        return httpStatus;
    }

    public Object info() {
        return info;
    }

    public Envelope toEnvelope() {
        return Envelope.error(httpStatus.value(), getMessage(), info);
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Authentication failed.", "");
    }

    public static ApiException invalidExperiment(Object info) {
        return new ApiException(HttpStatus.BAD_REQUEST, "No valid experiment found.", info);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found.", what);
    }
}
