package io.github.dqualizer.ctk.providers.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback for the http provider's limits: {@code /ok} answers "ok" and records the
 * request's headers and body length; {@code /big/<bytes>} streams that many bytes of {@code x} (chunked, never
 * held in memory), {@code /big-json/<bytes>} the same as {@code application/json}.
 */
final class RecordingHttpServer implements AutoCloseable {

    /** A request as the server received it: header names in lower case. */
    record Received(String method, Map<String, List<String>> headers, int bodyLength) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    final List<Received> received = new CopyOnWriteArrayList<>();

    RecordingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/ok", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            int length = exchange.getRequestBody().readAllBytes().length;
            received.add(new Received(exchange.getRequestMethod(), headers, length));
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/big", exchange -> stream(exchange, "text/plain; charset=utf-8"));
        server.createContext("/big-json", exchange -> stream(exchange, "application/json"));
        server.start();
    }

    private static void stream(com.sun.net.httpserver.HttpExchange exchange, String contentType) throws IOException {
        String path = exchange.getRequestURI().getPath();
        long size = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0); // chunked: the size is not announced
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
            }
        } catch (IOException e) {
            // the client stopped reading: what the limit is for
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
