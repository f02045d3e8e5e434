package ctktest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A real HTTP server on loopback for the http provider cases. */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/json", ex -> send(ex, 200, "application/json", "{\"a\": 1, \"list\": [1, 2]}"));
        server.createContext("/json-charset", ex -> send(ex, 200, "application/json; charset=utf-8", "{\"a\": 1}"));
        server.createContext("/bad-json", ex -> send(ex, 200, "application/json", "{not json"));
        server.createContext("/text", ex -> send(ex, 200, "text/plain; charset=utf-8", "hello world"));
        server.createContext("/status/404", ex -> send(ex, 404, "text/plain", "missing"));
        server.createContext("/status/500", ex -> send(ex, 500, "text/plain", "broken"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/plain", "late");
        });
        server.createContext("/echo", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = ex.getRequestURI().getRawQuery();
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            String json = "{\"method\": \"" + ex.getRequestMethod() + "\", \"query\": " + quote(query)
                    + ", \"contentType\": " + quote(contentType) + ", \"body\": " + quote(body)
                    + ", \"token\": " + quote(ex.getRequestHeaders().getFirst("X-Token")) + "}";
            send(ex, 200, "application/json", json);
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A loopback URL on which nothing listens. */
    public static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
