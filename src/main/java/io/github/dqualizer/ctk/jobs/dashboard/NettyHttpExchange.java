package io.github.dqualizer.ctk.jobs.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerRequest;

/**
 * One request to the dashboard as JobRunr's handlers see it (the JDK's {@link HttpExchange}), served by Reactor Netty.
 * The handler runs on a worker thread; {@link #sendResponseHeaders} releases the status and headers to Netty
 * ({@link #headersSent()}), and what it writes to {@link #getResponseBody()} goes out at each flush and at close
 * ({@link #body()}), so a server-sent-event stream JobRunr keeps writing to after its handler returned reaches the
 * browser as it is written. A write after the browser went away fails with an {@link IOException}, as with the JDK
 * server, and JobRunr closes its stream then. Requests have no body here: none of the dashboard's handlers reads one.
 */
final class NettyHttpExchange extends HttpExchange {

    private final HttpServerRequest request;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final Sinks.One<Integer> status = Sinks.one();
    private final Sinks.Many<byte[]> chunks = Sinks.many().unicast().onBackpressureBuffer();
    private final ResponseBody responseBody = new ResponseBody();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile int responseCode = -1;
    private volatile boolean bodyRead;
    private HttpPrincipal principal;

    NettyHttpExchange(HttpServerRequest request, URI uri) {
        this.request = request;
        this.uri = uri;
        request.requestHeaders().forEach(header -> requestHeaders.add(header.getKey(), header.getValue()));
    }

    /** Completes with the status once the handler sent its headers; cancelled (the browser went away), writes fail. */
    Mono<Integer> headersSent() {
        return status.asMono().doOnCancel(() -> {
            if (!bodyRead) {
                cancelled.set(true);
            }
        });
    }

    /** What the handler writes, chunk by chunk; cancelling it (the browser went away) fails later writes. */
    Flux<byte[]> body() {
        return chunks.asFlux().doOnSubscribe(subscription -> bodyRead = true).doOnCancel(() -> cancelled.set(true));
    }

    /**
     * The handler returned or failed: a 500 when it sent nothing; a failed one's body is ended. A body the handler
     * left open stays open (JobRunr's event streams write to it later).
     */
    void finish(boolean failed) {
        if (responseCode < 0) {
            responseHeaders.clear();
            sendResponseHeaders(500, -1);
        } else if (failed) {
            responseBody.close();
        }
    }

    void setPrincipal(HttpPrincipal principal) {
        this.principal = principal;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return request.method().name();
    }

    @Override
    public HttpContext getHttpContext() {
        return null; // JobRunr's handlers and the authenticator do not use it
    }

    @Override
    public void close() {
        responseBody.close();
    }

    @Override
    public InputStream getRequestBody() {
        return InputStream.nullInputStream();
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    /**
     * As the JDK's: {@code responseLength} 0 streams the body (chunked), -1 means none, more fixes the length.
     */
    @Override
    public void sendResponseHeaders(int code, long responseLength) {
        if (responseCode >= 0) {
            throw new IllegalStateException("headers already sent");
        }
        responseCode = code;
        if (responseLength > 0) {
            responseHeaders.set("Content-Length", Long.toString(responseLength));
        } else if (responseLength < 0) {
            responseHeaders.set("Content-Length", "0");
            chunks.tryEmitComplete();
        }
        status.tryEmitValue(code);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return request.remoteAddress();
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return request.hostAddress();
    }

    @Override
    public String getProtocol() {
        return request.version().text();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream input, OutputStream output) {
        throw new UnsupportedOperationException("the dashboard's handlers do not replace the exchange's streams");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return principal;
    }

    /** Buffers writes and hands them to Netty at each flush and at close. */
    private final class ResponseBody extends OutputStream {

        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean closed;

        @Override
        public synchronized void write(int b) throws IOException {
            ensureOpen();
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            ensureOpen();
            pending.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            ensureOpen();
            emitPending();
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!cancelled.get()) {
                emitPending();
            }
            chunks.tryEmitComplete();
        }

        private void ensureOpen() throws IOException {
            if (closed || cancelled.get()) {
                throw new IOException("the dashboard's client closed the connection");
            }
        }

        private void emitPending() {
            if (pending.size() > 0) {
                if (chunks.tryEmitNext(pending.toByteArray()).isFailure()) {
                    cancelled.set(true); // nobody reads any more: the connection is gone
                }
                pending.reset();
            }
        }
    }
}
