package io.github.dqualizer.ctk.providers.http;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Shared JDK HTTP clients, one per (connect timeout, TLS verification) pair. */
final class HttpClients {

    private record Key(Duration connectTimeout, boolean verifyTls) {
    }

    private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClient get(Duration connectTimeout, boolean verifyTls) {
        return clients.computeIfAbsent(new Key(connectTimeout, verifyTls), HttpClients::create);
    }

    private static HttpClient create(Key key) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.ALWAYS);
        if (key.connectTimeout() != null) {
            builder.connectTimeout(key.connectTimeout());
        }
        if (!key.verifyTls()) {
            builder.sslContext(trustAll());
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm(""); // verify_tls=false also skips host name checks
            builder.sslParameters(parameters);
        }
        return builder.build();
    }

    private static SSLContext trustAll() {
        TrustManager trustAll = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a TLS context without verification", e);
        }
    }
}
