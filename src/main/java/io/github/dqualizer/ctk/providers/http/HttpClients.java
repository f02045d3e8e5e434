package io.github.dqualizer.ctk.providers.http;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The two shared JDK HTTP clients: one verifying TLS, one not. Each client owns a selector thread and a pool,
 * so there is no client per experiment setting: timeouts are set on each request.
 */
final class HttpClients {

    private final Map<Boolean, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClient get(boolean verifyTls) {
        return clients.computeIfAbsent(verifyTls, HttpClients::create);
    }

    private static HttpClient create(boolean verifyTls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.ALWAYS);
        if (!verifyTls) {
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
