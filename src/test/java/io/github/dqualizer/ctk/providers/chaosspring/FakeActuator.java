package io.github.dqualizer.ctk.providers.chaosspring;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Test fixture: a loopback HTTP(S) server with fixed answers, standing in for what a real CMSB 4.0.0 cannot show:
 * the answers of old CMSB versions (2.0–2.5) and a TLS endpoint with a self-signed certificate.
 */
final class FakeActuator implements AutoCloseable {

    private final HttpServer server;

    private FakeActuator(HttpServer server) {
        this.server = server;
        server.start();
    }

    static FakeActuator http() {
        try {
            return new FakeActuator(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeActuator https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new FakeActuator(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code path} below {@code /actuator/} with {@code status} and {@code body}. */
    FakeActuator answer(String path, int status, String body) {
        server.createContext("/actuator/" + path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return this;
    }

    String actuatorUrl(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/actuator";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
