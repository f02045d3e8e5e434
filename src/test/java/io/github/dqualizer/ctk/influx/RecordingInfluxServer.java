package io.github.dqualizer.ctk.influx;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * No InfluxDB server can run where the tests run: this loopback HTTP server stands in for one and
 * records what arrives at {@code /api/v2/write}, answering 204 like InfluxDB 2 (after {@code delay}).
 */
public final class RecordingInfluxServer implements AutoCloseable {

    record Write(String query, String authorization, String body) {
    }

    final List<Write> writes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RecordingInfluxServer(Duration delay) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v2/write", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writes.add(new Write(exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public RecordingInfluxServer() {
        this(Duration.ZERO);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every line received, in arrival order. */
    public List<String> lines() {
        return writes.stream().flatMap(write -> write.body().lines()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
